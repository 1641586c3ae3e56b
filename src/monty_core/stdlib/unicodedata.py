"""`unicodedata` in the sandbox: CPython's functions (`normalize`'s result size checked). Left out:
`unicodedata.ucd_3_2_0`.
"""

from __future__ import annotations

import unicodedata as _ud
from typing import Any

from ..runtime.modules import RunContext
from ._support import reserve

_UD_NAMES = (
    'lookup',
    'name',
    'decimal',
    'digit',
    'numeric',
    'category',
    'bidirectional',
    'combining',
    'east_asian_width',
    'mirrored',
    'decomposition',
    'is_normalized',
    'unidata_version',
)


def _unicodedata_factory(ctx: RunContext) -> dict[str, Any]:
    def normalize(form: Any, unistr: Any, /) -> str:
        if isinstance(unistr, str):
            reserve(ctx, len(unistr) * 18 * 4, 'normalized text')
        return _ud.normalize(form, unistr)

    exports: dict[str, Any] = {n: getattr(_ud, n) for n in _UD_NAMES}
    exports['normalize'] = normalize
    return exports
