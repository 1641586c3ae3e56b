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
from ._support import Sealed, allow, bind, current, metered, reserve, ticked

for _t in (type(_it.groupby([])), type(next(_it.groupby([1]))[1]), type(_it.tee([])[0])):
    ALLOWED.setdefault(_t, frozenset())


def _itertools(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def m(it: Any) -> Any:
        return metered(ctx, it)

    def t(it: Any) -> Any:
        return ticked(ctx, it)

    def count(start: Any = 0, step: Any = 1) -> Any:
        return t(_it.count(start, step))

    def cycle(iterable: Any) -> Any:
        return t(_it.cycle(m(iterable)))

    def repeat(obj: Any, *times: Any) -> Any:
        return t(_it.repeat(obj, *times))

    def accumulate(iterable: Any, func: Any = None, *, initial: Any = None) -> Any:
        return t(_it.accumulate(m(iterable), func, initial=initial))

    def islice(iterable: Any, *args: Any) -> Any:
        return t(_it.islice(m(iterable), *args))

    def compress(data: Any, selectors: Any) -> Any:
        return t(_it.compress(m(data), m(selectors)))

    def dropwhile(predicate: Any, iterable: Any) -> Any:
        return t(_it.dropwhile(predicate, m(iterable)))

    def takewhile(predicate: Any, iterable: Any) -> Any:
        return t(_it.takewhile(predicate, m(iterable)))

    def filterfalse(predicate: Any, iterable: Any) -> Any:
        return t(_it.filterfalse(predicate, m(iterable)))

    def starmap(function: Any, iterable: Any) -> Any:
        return t(_it.starmap(function, m(iterable)))

    def groupby(iterable: Any, key: Any = None) -> Any:
        return t(_it.groupby(m(iterable), key))

    def zip_longest(*iterables: Any, fillvalue: Any = None) -> Any:
        return t(_it.zip_longest(*[m(i) for i in iterables], fillvalue=fillvalue))

    def pairwise(iterable: Any) -> Any:
        return t(_it.pairwise(m(iterable)))

    def tee(iterable: Any, n: int = 2) -> tuple[Any, ...]:
        if isinstance(n, int):
            reserve(ctx, n * 64, 'tee()')
        return tuple(t(x) for x in _it.tee(m(iterable), n))

    def _pools(iterables: tuple[Any, ...], repeat: int) -> list[tuple[Any, ...]]:
        if not isinstance(repeat, int):
            raise TypeError(f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        reserve(ctx, len(iterables) * repeat * 8, 'product()')
        return [tuple(m(i)) for i in iterables]

    def product(*iterables: Any, repeat: int = 1) -> Any:
        return t(_it.product(*_pools(iterables, repeat), repeat=repeat))

    def permutations(iterable: Any, r: Any = None) -> Any:
        return t(_it.permutations(m(iterable), r))

    def combinations(iterable: Any, r: int) -> Any:
        return t(_it.combinations(m(iterable), r))

    def combinations_with_replacement(iterable: Any, r: int) -> Any:
        if isinstance(r, int):
            reserve(ctx, r * 8, 'combinations_with_replacement()')
        return t(_it.combinations_with_replacement(m(iterable), r))

    def batched(iterable: Any, n: int) -> Any:
        if n < 1:
            raise ValueError('n must be at least one')
        return t(_batched(m(iterable), n))

    return {
        'count': count,
        'cycle': cycle,
        'repeat': repeat,
        'accumulate': accumulate,
        'chain': chain,
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
        'product': product,
        'permutations': permutations,
        'combinations': combinations,
        'combinations_with_replacement': combinations_with_replacement,
        'batched': batched,
    }


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
