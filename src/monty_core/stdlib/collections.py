"""`collections` in the sandbox.

Offered: `Counter`, `defaultdict`, `OrderedDict`, `ChainMap` (CPython's classes), `deque` (CPython's,
with its iterable inputs consumed under the meter and `*` checked), `namedtuple` (a reimplementation
that builds a sandbox tuple class without `exec`). `Counter` counts and `Counter.elements()` yields under
the meter. Left out: `UserDict`, `UserList`, `UserString`.
"""

from __future__ import annotations

import collections as _c
import collections.abc as _abc
import keyword
import sys
from operator import itemgetter as _itemgetter
from typing import Any

from ..runtime.classes import replace_class
from ..runtime.guards import WRAPPERS
from ..runtime.modules import RunContext
from ..runtime.plain_reads import reset_plain_cache
from ..runtime.rendering import stable_repr
from ._support import allow, allow_public, bind, current, mark_sandbox_class, metered, reserve, ticked

allow_public(_c.Counter)  # (`fromkeys` raises CPython's NotImplementedError)
allow_public(_c.defaultdict)
allow_public(_c.OrderedDict)
allow_public(_c.ChainMap)
allow(type(_c.OrderedDict().keys()), ('isdisjoint', 'mapping'))
allow(type(_c.OrderedDict().values()), ('mapping',))
allow(type(_c.OrderedDict().items()), ('isdisjoint', 'mapping'))


def _elements(counter: Any) -> Any:
    def elements() -> Any:
        return ticked(current(), _c.Counter.elements(counter))

    return elements


class Counter(_c.Counter):  # type: ignore[type-arg]
    """Counter(iterable=None, /, **kwds): a dict of counts (CPython's, counting its input under the
    meter: `Counter(s)` of a 10^8-character string is one C loop of seconds otherwise)."""

    def update(self, iterable: Any = None, /, **kwds: Any) -> None:
        if type(iterable) in _SHORT_OK and len(iterable) < _METERED:
            super().update(iterable, **kwds)  # an in-memory container, not long: no metering needed
            return
        if isinstance(iterable, _abc.Mapping) and self:
            # CPython adds a mapping's counts in a Python loop: this one ticks.
            for elem, count in ticked(current(), iterable.items()):
                self[elem] = count + self.get(elem, 0)
            iterable = None
        super().update(_counted(iterable), **kwds)

    def subtract(self, iterable: Any = None, /, **kwds: Any) -> None:
        super().subtract(_counted(iterable), **kwds)


_SHORT_OK = frozenset({list, tuple, str, bytes, bytearray, set, frozenset, dict})
_METERED = 1 << 16


def _counted(iterable: Any) -> Any:
    if iterable is None or isinstance(iterable, _abc.Mapping):
        return iterable
    return metered(current(), iterable)


Counter.__module__ = 'collections'
allow_public(Counter)
for _counter in (_c.Counter, Counter):
    WRAPPERS[(_counter, 'elements')] = _elements
reset_plain_cache()


class deque(_c.deque):  # type: ignore[type-arg]
    """deque([iterable[, maxlen]]): a double-ended queue (CPython's, metered)."""

    __slots__ = ()

    def __init__(self, iterable: Any = (), maxlen: Any = None) -> None:
        super().__init__(metered(current(), iterable), maxlen)

    def extend(self, iterable: Any) -> None:
        super().extend(metered(current(), iterable))

    def extendleft(self, iterable: Any) -> None:
        super().extendleft(metered(current(), iterable))

    def __iadd__(self, other: Any) -> Any:
        self.extend(other)
        return self

    def _check_repeat(self, n: Any) -> None:
        if isinstance(n, int) and self.maxlen is None:
            reserve(current(), len(self) * max(n, 0) * 8, 'repeated deque')

    def __mul__(self, n: Any) -> Any:
        self._check_repeat(n)
        return super().__mul__(n)

    __rmul__ = __mul__

    def __imul__(self, n: Any) -> Any:
        self._check_repeat(n)
        return super().__imul__(n)


deque.__module__ = 'collections'
replace_class(_c.deque, deque)
allow_public(deque)


# -- namedtuple -------------------------------------------------------------------------------------
def namedtuple(
    typename: Any, field_names: Any, *, rename: bool = False, defaults: Any = None, module: Any = None
) -> type:
    """Returns a new subclass of tuple with named fields (built without `exec`)."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, metered(current(), field_names)))
    typename = sys.intern(str(typename))
    if rename:
        seen: set[str] = set()
        for index, name in enumerate(field_names):
            if not name.isidentifier() or keyword.iskeyword(name) or name.startswith('_') or name in seen:
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename, *field_names]:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    fields = tuple(sys.intern(n) for n in field_names)
    n_fields = len(fields)
    field_defaults: dict[str, Any] = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n_fields:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults), strict=False))))
    cls = type(typename, (tuple,), named_tuple_namespace(typename, fields, field_defaults))
    cls.__module__ = module if isinstance(module, str) else '__main__'
    return mark_sandbox_class(cls)


def named_tuple_namespace(
    typename: str, fields: tuple[str, ...], field_defaults: dict[str, Any]
) -> dict[str, Any]:
    """The methods and field properties of a named tuple class (`namedtuple`, `typing.NamedTuple`)."""
    n_fields = len(fields)

    def __new__(cls: Any, *args: Any, **kwargs: Any) -> Any:
        return tuple.__new__(cls, _field_values(typename, fields, field_defaults, args, kwargs))

    def _make(cls: Any, iterable: Any) -> Any:
        result = tuple.__new__(cls, metered(current(), iterable))
        if len(result) != n_fields:
            raise TypeError(f'Expected {n_fields} arguments, got {len(result)}')
        return result

    def _replace(self: Any, /, **kwds: Any) -> Any:
        result = self._make(
            [kwds.pop(name) if name in kwds else value for name, value in zip(fields, self, strict=False)]
        )
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def __repr__(self: Any) -> str:
        inner = ', '.join(f'{name}={stable_repr(value)}' for name, value in zip(fields, self, strict=False))
        return f'{type(self).__name__}({inner})'

    def _asdict(self: Any) -> dict[str, Any]:
        return dict(zip(fields, self, strict=False))

    def __getnewargs__(self: Any) -> tuple[Any, ...]:
        return tuple(self)

    namespace: dict[str, Any] = {
        '__doc__': f'{typename}({", ".join(fields)})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = property(
            _itemgetter(index), _field_set, _field_delete, doc=f'Alias for field number {index}'
        )
    return namespace


def _field_values(
    typename: str, fields: tuple[str, ...], field_defaults: dict[str, Any], args: tuple[Any, ...], kwargs: Any
) -> list[Any]:
    """The field values of a named tuple from its `__new__`'s arguments, refused with CPython's messages."""
    n_fields = len(fields)
    if len(args) > n_fields:
        low = n_fields - len(field_defaults) + 1
        takes = f'{n_fields + 1}' if low == n_fields + 1 else f'from {low} to {n_fields + 1}'
        raise TypeError(
            f'{typename}.__new__() takes {takes} positional arguments but {len(args) + 1} were given'
        )
    # As CPython binds arguments: keyword errors (in the order given) before missing arguments.
    for name in kwargs:
        if name not in fields:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
        if fields.index(name) < len(args):
            raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
    values = list(args)
    for name in fields[len(args) :]:
        if name in kwargs:
            values.append(kwargs.pop(name))
        elif name in field_defaults:
            values.append(field_defaults[name])
        else:
            raise _missing_fields(typename, fields[len(values) :], field_defaults, kwargs)
    return values


def _missing_fields(
    typename: str, rest: tuple[str, ...], field_defaults: dict[str, Any], kwargs: Any
) -> TypeError:
    missing = [f for f in rest if f not in kwargs and f not in field_defaults]
    quoted = [repr(f) for f in missing]
    listed = quoted[0] if len(quoted) == 1 else ', '.join(quoted[:-1]) + ' and ' + quoted[-1]
    plural = 's' if len(missing) > 1 else ''
    return TypeError(
        f'{typename}.__new__() missing {len(missing)} required positional argument{plural}: {listed}'
    )


# CPython's field descriptors (`_tuplegetter`) refuse writes with these messages, not a property's
# "property 'x' of 'Point' object has no setter".
def _field_set(self: Any, value: Any) -> None:
    raise AttributeError("can't set attribute")


def _field_delete(self: Any) -> None:
    raise AttributeError("can't delete attribute")


def _factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    return {
        'Counter': Counter,
        'defaultdict': _c.defaultdict,
        'OrderedDict': _c.OrderedDict,
        'ChainMap': _c.ChainMap,
        'deque': deque,
        'namedtuple': namedtuple,
    }
