"""`sys` in the sandbox: version facts and the print streams; no `modules`, frames or real `exit`."""

from __future__ import annotations

import sys
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.modules import RunContext

ALLOWED[type(sys.version_info)] = frozenset(
    {'major', 'minor', 'micro', 'releaselevel', 'serial', 'count', 'index'}
)


def _factory(ctx: RunContext) -> dict[str, Any]:
    def getrecursionlimit() -> int:
        return ctx.max_depth

    def exit(status: Any = None) -> None:
        raise SystemExit(status)

    return {
        'version': sys.version,
        'version_info': sys.version_info,
        'hexversion': sys.hexversion,
        'maxsize': sys.maxsize,
        'maxunicode': sys.maxunicode,
        'byteorder': sys.byteorder,
        'platform': 'monty',
        'implementation_name': 'monty',
        'argv': [],
        'stdout': ctx.stdout,
        'stderr': ctx.stderr,
        'getrecursionlimit': getrecursionlimit,
        'exit': exit,
        'float_info': sys.float_info,
        'int_info': sys.int_info,
    }


ALLOWED[type(sys.float_info)] = frozenset(
    {
        'max',
        'max_exp',
        'max_10_exp',
        'min',
        'min_exp',
        'min_10_exp',
        'dig',
        'mant_dig',
        'epsilon',
        'radix',
        'rounds',
        'count',
        'index',
    }
)
ALLOWED[type(sys.int_info)] = frozenset(
    {
        'bits_per_digit',
        'sizeof_digit',
        'default_max_str_digits',
        'str_digits_check_threshold',
        'count',
        'index',
    }
)
