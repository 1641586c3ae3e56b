"""`bisect` in the sandbox: CPython's C functions (O(log n) comparisons; `insort` moves the list's
items in one memmove)."""

from __future__ import annotations

import bisect as _bisect
from typing import Any

from ..runtime.modules import RunContext

_NAMES = ('bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right')


def _bisect_factory(ctx: RunContext) -> dict[str, Any]:
    return {name: getattr(_bisect, name) for name in _NAMES}
