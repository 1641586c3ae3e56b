"""`itertools` and `operator` in the sandbox.

`itertools`: CPython's iterators, with every input consumed under the meter and every iterator that can
produce unboundedly many items (`count`, `cycle`, `repeat`, the combinatoric ones, ...) ticking the meter,
so `list(itertools.count())` ends with the run's time (or memory) limit. `product`/`tee`/
`combinations_with_replacement` check the size of what they allocate up front. `batched` (3.12) is
offered as well. The iterators are metered wrappers, so their `repr` is not CPython's.

`operator`: CPython's functions; `attrgetter` and `methodcaller` go through the sandbox's attribute
guard, and the size-amplifying ones (`mul`, `pow`, `lshift`, `concat` and in-place forms) are checked
like the compiled operators.
"""

from __future__ import annotations

import itertools as _it
import operator as _op
from typing import Any

from ..runtime import limits as _limits
from ..runtime.allowlists import ALLOWED
from ..runtime.guards import guarded_getattr
from ..runtime.modules import RunContext, register_module
from ..runtime.printf import checked_imod, checked_mod
from ._support import (
    Sealed,
    allow,
    bind,
    build,
    check_pow,
    current,
    metered,
    no_init,
    reserve,
    ticked,
)

for _t in (type(_it.groupby([])), type(next(_it.groupby([1]))[1]), type(_it.tee([])[0])):
    ALLOWED.setdefault(_t, frozenset())
for _t in (_op.itemgetter,):
    allow(_t, ())


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


# -- operator -------------------------------------------------------------------------------------
class attrgetter(Sealed):
    """attrgetter('a', 'b.c'): a callable reading those attributes (through the sandbox's guard)."""

    __slots__ = ('_names',)
    _names: tuple[tuple[str, ...], ...]

    def __call__(self, obj: Any) -> Any:
        values = []
        for path in self._names:
            value = obj
            for part in path:
                value = guarded_getattr(value, part)
            values.append(value)
        return values[0] if len(values) == 1 else tuple(values)

    def __repr__(self) -> str:
        return 'operator.attrgetter(' + ', '.join(repr('.'.join(p)) for p in self._names) + ')'


class methodcaller(Sealed):
    """methodcaller('name', *args, **kwargs): a callable calling that method (through the guard)."""

    __slots__ = ('_args', '_kwargs', '_name')
    _name: str
    _args: tuple[Any, ...]
    _kwargs: dict[str, Any]

    def __call__(self, obj: Any) -> Any:
        return guarded_getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self) -> str:
        args = [repr(self._name), *map(repr, self._args), *(f'{k}={v!r}' for k, v in self._kwargs.items())]
        return f'operator.methodcaller({", ".join(args)})'


for _cls in (attrgetter, methodcaller):
    _cls.__module__ = 'operator'
    no_init(_cls)
    allow(_cls, ())


def _make_attrgetter(attr: Any, *attrs: Any) -> attrgetter:
    names = []
    for name in (attr, *attrs):
        if type(name) is not str:
            raise TypeError('attribute name must be a string')
        names.append(tuple(name.split('.')))
    return build(attrgetter, _names=tuple(names))


def _make_methodcaller(name: Any, /, *args: Any, **kwargs: Any) -> methodcaller:
    if type(name) is not str:
        raise TypeError('method name must be a string')
    return build(methodcaller, _name=name, _args=args, _kwargs=kwargs)


_OPERATOR_PLAIN = (
    'abs',
    'add',
    'and_',
    'contains',
    'eq',
    'ge',
    'getitem',
    'gt',
    'iadd',
    'iand',
    'imatmul',
    'index',
    'inv',
    'invert',
    'ior',
    'irshift',
    'is_',
    'is_not',
    'isub',
    'itemgetter',
    'itruediv',
    'ixor',
    'le',
    'lt',
    'matmul',
    'ne',
    'neg',
    'not_',
    'or_',
    'pos',
    'rshift',
    'setitem',
    'delitem',
    'sub',
    'truediv',
    'truth',
    'xor',
    'length_hint',
)


def _operator(ctx: RunContext) -> dict[str, Any]:
    def pow(a: Any, b: Any) -> Any:
        check_pow(a, b)
        return a**b

    def ipow(a: Any, b: Any) -> Any:
        check_pow(a, b)
        a **= b
        return a

    def concat(a: Any, b: Any) -> Any:
        return _op.concat(a, b)

    def iconcat(a: Any, b: Any) -> Any:
        return _op.iconcat(a, metered(ctx, b) if isinstance(a, list) else b)

    def countOf(a: Any, b: Any) -> int:
        return _op.countOf(metered(ctx, a), b)

    def indexOf(a: Any, b: Any) -> int:
        return _op.indexOf(metered(ctx, a), b)

    exports: dict[str, Any] = {name: getattr(_op, name) for name in _OPERATOR_PLAIN}
    exports.update(
        mul=_limits.mul,  # the checked operators the compiler emits for `*`, `//`, `%`
        imul=_limits.imul,
        floordiv=_limits.floordiv,
        ifloordiv=_limits.ifloordiv,
        mod=checked_mod,  # `%`-format widths and rendered text are size-checked like the operator
        imod=checked_imod,
        pow=pow,
        ipow=ipow,
        lshift=_limits.lshift,  # the checked operators the compiler emits for `<<` / `<<=`
        ilshift=_limits.ilshift,
        concat=concat,
        iconcat=iconcat,
        countOf=countOf,
        indexOf=indexOf,
        attrgetter=_make_attrgetter,
        methodcaller=_make_methodcaller,
    )
    return exports


register_module('itertools', _itertools)
register_module('operator', _operator)
