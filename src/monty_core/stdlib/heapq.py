"""`heapq` in the sandbox: CPython's C heap functions, and its pure-Python `nlargest`, `nsmallest` and
`merge` over inputs that tick the run's meter (they loop in host code, where no sandbox tick runs)."""

from __future__ import annotations

import heapq as _heapq
from typing import Any

from ..runtime.modules import RunContext
from ._support import ticked

# The C functions: each does O(log n) work, `heapify` O(n) over a list the run already holds.
_C_NAMES = ('heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop')


def _heapq_factory(ctx: RunContext) -> dict[str, Any]:
    def nlargest(n: Any, iterable: Any, key: Any = None) -> list[Any]:
        return _heapq.nlargest(n, ticked(ctx, iter(iterable)), key=key)

    def nsmallest(n: Any, iterable: Any, key: Any = None) -> list[Any]:
        return _heapq.nsmallest(n, ticked(ctx, iter(iterable)), key=key)

    def merge(*iterables: Any, key: Any = None, reverse: bool = False) -> Any:
        return _heapq.merge(*(ticked(ctx, iter(it)) for it in iterables), key=key, reverse=reverse)

    for fn in (nlargest, nsmallest, merge):
        fn.__doc__ = getattr(_heapq, fn.__name__).__doc__
        fn.__module__ = 'heapq'
    exports: dict[str, Any] = {name: getattr(_heapq, name) for name in _C_NAMES}
    exports.update(nlargest=nlargest, nsmallest=nsmallest, merge=merge)
    return exports
