"""`dataclasses` in the sandbox: CPython's implementation applied to sandbox classes only.

CPython generates `__init__`, `__repr__`, `__eq__`, ... for the class; the generated functions run
ordinary attribute operations on sandbox instances and call sandbox default factories, which run
under the run's meter like any sandbox code. `make_dataclass` (class creation from data) is absent.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.classes import is_run_class, mark_run_class
from ..runtime.hashing import sandbox_hash
from ..runtime.identities import current_identities, default_repr
from ..runtime.modules import RunContext
from ..runtime.rendering import stable_repr

ALLOWED[dataclasses.Field] = frozenset(
    {'name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'}
)
ALLOWED[type(dataclasses.MISSING)] = frozenset()
ALLOWED[type(dataclasses.KW_ONLY)] = frozenset()
ALLOWED[dataclasses.InitVar] = frozenset({'type'})


def _check_class(cls: Any) -> None:
    if not is_run_class(cls):
        raise TypeError('dataclass() should be applied to a class defined in the sandbox')


def dataclass(cls: Any = None, /, **kwargs: Any) -> Any:
    """`@dataclass` / `@dataclass(frozen=True, order=True, slots=True, kw_only=True, ...)`."""

    def wrap(klass: Any) -> Any:
        _check_class(klass)
        if klass.__dict__.get('__repr__') is default_repr:
            type.__delattr__(klass, '__repr__')  # the sandbox's stand-in for object's: dataclass may add one
        own_hash = klass.__dict__.get('__hash__', _ABSENT)
        out = dataclasses.dataclass(**kwargs)(klass)
        if out is not klass:  # slots=True builds a new class
            mark_run_class(out)
        _stable_methods(out, own_hash)
        return out

    if cls is None:
        return wrap
    return wrap(cls)


_ABSENT = object()


def _stable_methods(cls: Any, own_hash: Any) -> None:
    """Replace the generated `__repr__` and `__hash__` (which use CPython's `repr()` and `hash()`) by
    ones whose results are the same in every process (runtime/hashing.py)."""
    generated_repr = cls.__dict__.get('__repr__')
    if generated_repr is None:
        if _inherited(cls, '__repr__') is object.__repr__:
            type.__setattr__(cls, '__repr__', default_repr)
    elif getattr(generated_repr, '__wrapped__', None) is not None:  # dataclasses' recursive_repr
        names = tuple(f.name for f in dataclasses.fields(cls) if f.repr)
        type.__setattr__(cls, '__repr__', _repr_fn(names))
    generated_hash = cls.__dict__.get('__hash__', _ABSENT)
    if generated_hash is not own_hash and generated_hash is not None and generated_hash is not _ABSENT:
        names = tuple(f.name for f in dataclasses.fields(cls) if (f.compare if f.hash is None else f.hash))
        type.__setattr__(cls, '__hash__', _hash_fn(names))


def _inherited(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _repr_fn(names: tuple[str, ...]) -> Any:
    def __repr__(self: Any) -> str:
        ids = current_identities()
        guard = ids.active if ids is not None else set()
        key = id(self)
        if key in guard:
            return '...'  # as dataclasses' recursive_repr
        guard.add(key)
        try:
            inner = ', '.join([f'{name}={stable_repr(getattr(self, name))}' for name in names])
        finally:
            guard.discard(key)
        return f'{type(self).__qualname__}({inner})'

    return __repr__


def _hash_fn(names: tuple[str, ...]) -> Any:
    def __hash__(self: Any) -> int:
        return sandbox_hash(tuple(getattr(self, name) for name in names))

    return __hash__


def _instance_only(fn: Any) -> Any:
    def checked(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f'{fn.__name__}() should be called on dataclass instances')
        return fn(obj, *args, **kwargs)

    checked.__name__ = checked.__qualname__ = fn.__name__
    return checked


def fields(class_or_instance: Any) -> tuple[dataclasses.Field[Any], ...]:
    """`dataclasses.fields`."""
    return dataclasses.fields(class_or_instance)


# CPython's `asdict`/`astuple` recurse in host code over every field and item, copying a shared list
# at each reference (`x=[[0] * 1000] * 1000` nested a hundred times: 10^8 copies, unmetered). These
# are the same recursion (CPython 3.11's), ticking the run's meter per value.
def _asdict_inner(obj: Any, dict_factory: Any, ticker: Any) -> Any:
    next(ticker)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        result = []
        for f in dataclasses.fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory, ticker)
            result.append((f.name, value))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory, ticker) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory, ticker) for v in obj)
    if isinstance(obj, dict):
        return type(obj)(
            (_asdict_inner(k, dict_factory, ticker), _asdict_inner(v, dict_factory, ticker))
            for k, v in obj.items()
        )
    return copy.deepcopy(obj)


def _astuple_inner(obj: Any, tuple_factory: Any, ticker: Any) -> Any:
    next(ticker)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        result = []
        for f in dataclasses.fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory, ticker)
            result.append(value)
        return tuple_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory, ticker) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory, ticker) for v in obj)
    if isinstance(obj, dict):
        return type(obj)(
            (_astuple_inner(k, tuple_factory, ticker), _astuple_inner(v, tuple_factory, ticker))
            for k, v in obj.items()
        )
    return copy.deepcopy(obj)


def _factory(ctx: RunContext) -> dict[str, Any]:
    def asdict(obj: Any, *, dict_factory: Any = dict) -> Any:
        return _asdict_inner(obj, dict_factory, ctx.meter.ticker)

    def astuple(obj: Any, *, tuple_factory: Any = tuple) -> Any:
        return _astuple_inner(obj, tuple_factory, ctx.meter.ticker)

    asdict.__doc__ = dataclasses.asdict.__doc__
    astuple.__doc__ = dataclasses.astuple.__doc__
    return {
        'dataclass': dataclass,
        'field': dataclasses.field,
        'fields': fields,
        'asdict': _instance_only(asdict),
        'astuple': _instance_only(astuple),
        'replace': _instance_only(dataclasses.replace),
        'is_dataclass': dataclasses.is_dataclass,
        'MISSING': dataclasses.MISSING,
        'KW_ONLY': dataclasses.KW_ONLY,
        'InitVar': dataclasses.InitVar,
        'FrozenInstanceError': dataclasses.FrozenInstanceError,
    }
