"""`operator` in the sandbox: CPython's functions; `attrgetter` and `methodcaller` go through the sandbox's
attribute guard, and the size-amplifying ones (`mul`, `pow`, `lshift`, `concat` and in-place forms) are
checked like the compiled operators.
"""

from __future__ import annotations

import operator as _op
from typing import Any

from ..runtime import guarded_ops as _guarded_ops
from ..runtime.guards import guarded_getattr
from ..runtime.modules import RunContext
from ..runtime.printf import checked_imod, checked_mod
from ._support import Sealed, allow, build, check_pow, metered, no_init

for _t in (_op.itemgetter,):
    allow(_t, ())


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
        mul=_guarded_ops.mul,  # the checked operators the compiler emits for `*`, `//`, `%`
        imul=_guarded_ops.imul,
        floordiv=_guarded_ops.floordiv,
        ifloordiv=_guarded_ops.ifloordiv,
        mod=checked_mod,  # `%`-format widths and rendered text are size-checked like the operator
        imod=checked_imod,
        pow=pow,
        ipow=ipow,
        lshift=_guarded_ops.lshift,  # the checked operators the compiler emits for `<<` / `<<=`
        ilshift=_guarded_ops.ilshift,
        concat=concat,
        iconcat=iconcat,
        countOf=countOf,
        indexOf=indexOf,
        attrgetter=_make_attrgetter,
        methodcaller=_make_methodcaller,
    )
    return exports
