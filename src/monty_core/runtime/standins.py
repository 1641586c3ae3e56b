"""The sandbox's stand-ins for builtin classes: `type` (which cannot create classes), `range`, `bytes`,
`bytearray` (whose constructors are size-checked) and `abc.ABCMeta` (which cannot be called).

A stand-in is what sandbox code sees as the class (`type(b'')`, `isinstance(x, bytes)`, `bytes.fromhex`);
instances are the real builtin's. The checked constructors are also what reading `bytes.__new__`,
`bytearray.__init__`, `str.__new__` or `range.__new__` gives (`CONSTRUCTORS`, read by the guard).
"""

from __future__ import annotations

import abc as _abc
import builtins as _b
from collections.abc import Callable
from typing import Any

from . import bigints as _bigints
from . import bigrange as _bigrange
from . import sizecheck as _sizecheck
from .allowlists import ALLOWED
from .classes import REAL_OF, SANDBOX_TYPE, STANDIN_METAS, STANDINS, sandbox_type_of
from .guards import CONSTRUCTORS, DUNDER_CHECKS, _class_getattr
from .rendering import stable_str


class _SandboxTypeMeta(type):
    """Metaclass of the sandbox's `type`: isinstance/issubclass behave as for the real `type`."""

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, type)

    def __subclasscheck__(cls, sub: Any) -> bool:
        return issubclass(sub, type)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs:
            return sandbox_type_of(args[0])
        if len(args) == 3:
            raise TypeError('creating classes with 3-argument type() is not supported; use a class statement')
        raise TypeError('type() takes 1 or 3 arguments')

    def __repr__(cls) -> str:
        return "<class 'type'>"


class SandboxType(metaclass=_SandboxTypeMeta):
    """The sandbox's `type`: `type(x)` works; creating classes with it does not."""


SandboxType.__name__ = SandboxType.__qualname__ = 'type'
SandboxType.__module__ = 'builtins'
SANDBOX_TYPE[0] = SandboxType
ALLOWED[_SandboxTypeMeta] = frozenset()
STANDINS[_SandboxTypeMeta] = SandboxType


class StandinMeta(type):
    """Metaclass of the sandbox's stand-ins for builtin classes whose constructor needs a pre-check
    (`range`, `bytes`, `bytearray`): instances are the real builtin's, `isinstance`/`issubclass` and
    class attributes (`bytes.fromhex`) behave as for the real class."""

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, _INSTANCES[cls])

    def __subclasscheck__(cls, sub: Any) -> bool:
        return cls is sub or issubclass(sub, _INSTANCES[cls])

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        """`bytes(...)` and the like: an instance of the real builtin, made by the stand-in's
        pre-checked maker."""
        return _MAKERS[cls](*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        if name.startswith('__'):
            raise AttributeError(name)
        return _class_getattr(REAL_OF[cls], name)

    def __repr__(cls) -> str:
        return f"<class '{cls.__name__}'>"


_INSTANCES: dict[Any, tuple[type, ...]] = {}
_MAKERS: dict[Any, Callable[..., Any]] = {}
STANDIN_METAS.add(StandinMeta)
STANDINS[StandinMeta] = SandboxType


def _standin(real: type, maker: Callable[..., Any], *instances: type) -> Any:
    cls = StandinMeta(real.__name__, (), {'__slots__': (), '__doc__': real.__doc__, '__module__': 'builtins'})
    _INSTANCES[cls] = (real, *instances)
    _MAKERS[cls] = maker
    REAL_OF[cls] = real
    for t in (real, *instances):
        STANDINS[t] = cls
    return cls


def _make_range(*args: Any) -> Any:
    return _bigrange.make_range(_b.range(*args))


def _make_bytes(*args: Any, **kwargs: Any) -> bytes:
    return _b.bytes(*_sizecheck.bytes_args(args, kwargs, bytes), **kwargs)


def _make_bytearray(*args: Any, **kwargs: Any) -> bytearray:
    return _b.bytearray(*_sizecheck.bytes_args(args, kwargs, bytearray), **kwargs)


def _bytes_new(cls: Any, *args: Any, **kwargs: Any) -> bytes:
    """`bytes.__new__` as sandbox code reads it: checked as `bytes(...)` is."""
    return _b.bytes.__new__(REAL_OF.get(cls, cls), *_sizecheck.bytes_args(args, kwargs, bytes), **kwargs)


def _bytearray_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """`bytearray.__init__` as sandbox code reads it: checked as `bytearray(...)` is."""
    _b.bytearray.__init__(self, *_sizecheck.bytes_args(args, kwargs, bytearray), **kwargs)


def _str_new(cls: Any = str, *args: Any, **kwargs: Any) -> str:
    """`str.__new__` as sandbox code reads it: one object is rendered as `str(x)` renders it (weighed
    first, no addresses)."""
    return _b.str.__new__(REAL_OF.get(cls, cls), str_call(*args, **kwargs))


def str_call(*args: Any, **kwargs: Any) -> str:
    """`str(...)` however it is spelt (`str(object=x)`, `str(*xs)`): one object is rendered as the
    sandbox renders text; with an encoding it decodes, as CPython does."""
    if len(args) + len(kwargs) == 1 and (args or 'object' in kwargs):
        return stable_str(args[0] if args else kwargs['object'])
    return _b.str(*args, **kwargs)


def _range_new(cls: Any, *args: Any) -> Any:
    return _make_range(*args)


for _key, _checked in (
    ((bytes, '__new__'), _bytes_new),
    ((bytearray, '__init__'), _bytearray_init),
    ((str, '__new__'), _str_new),
    ((range, '__new__'), _range_new),
):
    _checked.__name__ = _checked.__qualname__ = _key[1]
    CONSTRUCTORS[_key] = _checked


def _refuse_metaclass(*args: Any, **kwargs: Any) -> Any:
    raise TypeError('metaclasses are not supported in the sandbox; use a class statement')


# Integer dunders whose work is quadratic in their operands (`(x).__floordiv__(y)`): checked as the
# operators are (see bigints.check_division).
DUNDER_CHECKS.update(
    {
        '__floordiv__': _bigints.check_division,
        '__rfloordiv__': lambda self, other, *rest: _bigints.check_division(other, self),
        '__divmod__': _bigints.check_division,
        '__rdivmod__': lambda self, other, *rest: _bigints.check_division(other, self),
        '__round__': lambda self, ndigits=None, *rest: _bigints.check_round(self, ndigits),
    }
)

SandboxRange = _standin(range, _make_range, _bigrange.BigRange)
# `abc.ABCMeta` for imports and `isinstance` only: the real one, called with 3 arguments, would build a
# class outside `build_class` (see `classes.sandbox_type_of`). `type(ChainMap)` gives this stand-in too.
SandboxABCMeta = _standin(_abc.ABCMeta, _refuse_metaclass)
SandboxBytes = _standin(bytes, _make_bytes)
SandboxBytearray = _standin(bytearray, _make_bytearray)
ALLOWED[_bigrange.BigRange] = ALLOWED[range]
