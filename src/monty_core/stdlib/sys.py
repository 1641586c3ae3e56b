"""`sys` in the sandbox: version facts and the print streams; no `modules`, frames or real `exit`.

`setrecursionlimit(n)` sets the run's depth limit to `n`, never above the host's `max_recursion_depth`
(past that, the host's limit raises `RecursionError`); `getrecursionlimit()` gives back what was set."""

from __future__ import annotations

import operator
import sys
from typing import Any

from ..hooks import MAX_DEPTH
from ..runtime.allowlists import ALLOWED
from ..runtime.modules import RunContext

ALLOWED[type(sys.version_info)] = frozenset(
    {'major', 'minor', 'micro', 'releaselevel', 'serial', 'count', 'index'}
)


def _factory(ctx: RunContext) -> dict[str, Any]:
    # What the program set, and on which run's meter: a REPL's later snippet starts again from the
    # host's limit (`ctx.max_depth`, refreshed for each snippet; `setrecursionlimit` leaves it alone).
    state: dict[str, Any] = {'limit': None, 'meter': None}

    def getrecursionlimit() -> int:
        """Return the current value of the recursion limit."""
        return state['limit'] if state['meter'] is ctx.meter else ctx.max_depth

    def setrecursionlimit(limit: Any, /) -> None:
        """Set the maximum depth of the Python interpreter stack to n (at most the sandbox's limit)."""
        if type(limit) is not int:
            if isinstance(limit, float):
                raise TypeError("'float' object cannot be interpreted as an integer")
            limit = operator.index(limit)
        if limit < 1:
            raise ValueError('recursion limit must be greater or equal than 1')
        meter = ctx.meter
        state['limit'], state['meter'] = limit, meter
        effective = min(limit, ctx.max_depth)
        builtins = meter.builtins
        if builtins.get(MAX_DEPTH) == meter.max_depth:  # (else the watchdog flagged a check: kept)
            builtins[MAX_DEPTH] = effective
        meter.max_depth = effective

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
        'setrecursionlimit': setrecursionlimit,
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
