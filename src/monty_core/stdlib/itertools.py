"""`itertools` in the sandbox: CPython's iterators, with every input consumed under the meter.

Every iterator that can produce unboundedly many items (`count`, `cycle`, `repeat`, the combinatoric
ones, ...) ticks the meter, so `list(itertools.count())` ends with the run's time (or memory) limit.
`product`/`tee`/`combinations_with_replacement` check the size of what they allocate up front. `batched`
(3.12) is offered as well. The iterators are metered wrappers, so their `repr` is not CPython's.
"""

from __future__ import annotations

import itertools as _it
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.modules import RunContext
from ._support import Sealed, allow, bind, current, metered, reserve, reserve_per_item, ticked

for _t in (type(_it.groupby([])), type(next(_it.groupby([1]))[1]), type(_it.tee([])[0])):
    ALLOWED.setdefault(_t, frozenset())


def _itertools(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    # The functions are made per run (each closes over its run's meter), in three groups.
    return {
        **_unbounded_iterators(ctx),
        'chain': chain,
        **_selecting_iterators(ctx),
        **_combinatoric_iterators(ctx),
    }


# In every group: `metered(ctx, it)` consumes an input under the meter, `ticked(ctx, it)` makes the
# iterator handed back tick it.
def _unbounded_iterators(ctx: RunContext) -> dict[str, Any]:
    def count(start: Any = 0, step: Any = 1) -> Any:
        return ticked(ctx, _it.count(start, step))

    def cycle(iterable: Any) -> Any:
        return ticked(ctx, _it.cycle(metered(ctx, iterable)))

    def repeat(obj: Any, *times: Any) -> Any:
        return ticked(ctx, _it.repeat(obj, *times))

    def accumulate(iterable: Any, func: Any = None, *, initial: Any = None) -> Any:
        return ticked(ctx, _it.accumulate(metered(ctx, iterable), func, initial=initial))

    return {'count': count, 'cycle': cycle, 'repeat': repeat, 'accumulate': accumulate}


def _selecting_iterators(ctx: RunContext) -> dict[str, Any]:
    def islice(iterable: Any, *args: Any) -> Any:
        return ticked(ctx, _it.islice(metered(ctx, iterable), *args))

    def compress(data: Any, selectors: Any) -> Any:
        return ticked(ctx, _it.compress(metered(ctx, data), metered(ctx, selectors)))

    def dropwhile(predicate: Any, iterable: Any) -> Any:
        return ticked(ctx, _it.dropwhile(predicate, metered(ctx, iterable)))

    def takewhile(predicate: Any, iterable: Any) -> Any:
        return ticked(ctx, _it.takewhile(predicate, metered(ctx, iterable)))

    def filterfalse(predicate: Any, iterable: Any) -> Any:
        return ticked(ctx, _it.filterfalse(predicate, metered(ctx, iterable)))

    def starmap(function: Any, iterable: Any) -> Any:
        return ticked(ctx, _it.starmap(function, metered(ctx, iterable)))

    def groupby(iterable: Any, key: Any = None) -> Any:
        return ticked(ctx, _it.groupby(metered(ctx, iterable), key))

    def zip_longest(*iterables: Any, fillvalue: Any = None) -> Any:
        return ticked(ctx, _it.zip_longest(*[metered(ctx, i) for i in iterables], fillvalue=fillvalue))

    def pairwise(iterable: Any) -> Any:
        return ticked(ctx, _it.pairwise(metered(ctx, iterable)))

    def tee(iterable: Any, n: int = 2) -> tuple[Any, ...]:
        if isinstance(n, int):
            reserve(ctx, n * 64, 'tee()')
        return tuple(ticked(ctx, x) for x in _it.tee(metered(ctx, iterable), n))

    return {
        'islice': islice,
        'compress': compress,
        'dropwhile': dropwhile,
        'takewhile': takewhile,
        'filterfalse': filterfalse,
        'starmap': starmap,
        'groupby': groupby,
        'zip_longest': zip_longest,
        'pairwise': pairwise,
        'tee': tee,
    }


def _combinatoric_iterators(ctx: RunContext) -> dict[str, Any]:
    def product(*iterables: Any, repeat: int = 1) -> Any:
        return ticked(ctx, _it.product(*_product_pools(ctx, iterables, repeat), repeat=repeat))

    # CPython fills index arrays of `r` entries up front (a C call: 3 GB for `r=4*10**8`): 16 bytes each.
    def permutations(iterable: Any, r: Any = None) -> Any:
        reserve_per_item(ctx, r, 16, 'permutations()')
        return ticked(ctx, _it.permutations(metered(ctx, iterable), r))

    def combinations(iterable: Any, r: int) -> Any:
        reserve_per_item(ctx, r, 16, 'combinations()')
        return ticked(ctx, _it.combinations(metered(ctx, iterable), r))

    def combinations_with_replacement(iterable: Any, r: int) -> Any:
        reserve_per_item(ctx, r, 16, 'combinations_with_replacement()')
        return ticked(ctx, _it.combinations_with_replacement(metered(ctx, iterable), r))

    def batched(iterable: Any, n: int) -> Any:
        if n < 1:
            raise ValueError('n must be at least one')
        return ticked(ctx, _batched(metered(ctx, iterable), n))

    return {
        'product': product,
        'permutations': permutations,
        'combinations': combinations,
        'combinations_with_replacement': combinations_with_replacement,
        'batched': batched,
    }


def _product_pools(ctx: RunContext, iterables: tuple[Any, ...], repeat: int) -> list[tuple[Any, ...]]:
    """`product`'s inputs as tuples (CPython's own first step), their size checked first."""
    if not isinstance(repeat, int):
        raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    reserve(ctx, len(iterables) * repeat * 8, 'product()')
    return [tuple(metered(ctx, i)) for i in iterables]


class chain(Sealed):
    """chain(*iterables): the items of the first iterable, then of the next, ..."""

    __slots__ = ()

    def __new__(cls, *iterables: Any) -> Any:  # type: ignore[misc]
        ctx = current()
        return ticked(ctx, _it.chain.from_iterable(metered(ctx, i) for i in iterables))

    @staticmethod
    def from_iterable(iterables: Any) -> Any:
        ctx = current()
        return ticked(ctx, _it.chain.from_iterable(metered(ctx, i) for i in metered(ctx, iterables)))


chain.__module__ = 'itertools'
allow(chain, {'from_iterable'})


def _batched(it: Any, n: int) -> Any:
    it = iter(it)
    while batch := tuple(_it.islice(it, n)):
        yield batch
