"""The sandbox's builtins: CPython's safe builtins, guarded or metered versions of the rest.

`make_builtins` builds one run's dictionary. It is a fresh dict per run (runs share no state), made
from a template of shared entries plus the run's own: its ticker, print, importer and guards.

Metering rule: no builtin consumes an iterator in one C call without ticks. The consumers (`sum`,
`min`, `max`, `sorted`, `any`, `all`, ...) wrap their argument in `compress(iterable, T)` unless it is
an in-memory container; the lazy adapters (`map`, `filter`, `zip`, `enumerate`, `reversed`, `iter`)
return ticked iterators, so any C code that drains them ticks as well. `T`, the run's ticker, is
carried by the run's greenlet (`getcurrent().ticker`).
"""

from __future__ import annotations

import builtins as _b
from collections.abc import Callable
from itertools import compress

from greenlet import getcurrent
from typing import Any

from .allowlists import ALLOWED
from .guards import (
    SANDBOX_CLASS_MARK,
    SANDBOX_TYPE,
    guarded_delattr,
    guarded_getattr,
    guarded_setattr,
    is_sandbox_class,
    sandbox_delattr,
    sandbox_getattr,
    sandbox_hasattr,
    sandbox_setattr,
    sandbox_type_of,
)
from .meter import Meter

_SHARED_NAMES = (
    'abs', 'ascii', 'bin', 'bool', 'bytearray', 'bytes', 'callable', 'chr', 'classmethod', 'complex',
    'dict', 'divmod', 'float', 'format', 'frozenset', 'hash', 'hex', 'int', 'isinstance', 'issubclass',
    'len', 'list', 'next', 'object', 'oct', 'ord', 'pow', 'property', 'range', 'repr', 'round', 'set',
    'slice', 'staticmethod', 'str', 'super', 'tuple', 'aiter', 'anext',
    'NotImplemented', 'Ellipsis',
)

# Containers whose iteration is bounded by memory already: consumers iterate them directly.
_IN_MEMORY = frozenset({list, tuple, str, dict, set, frozenset, bytes, bytearray})

_UNAVAILABLE = {
    'open': 'file access happens only through host functions',
    'eval': 'dynamic code execution is not available in the sandbox',
    'exec': 'dynamic code execution is not available in the sandbox',
    'compile': 'dynamic code execution is not available in the sandbox',
    'globals': 'introspection of namespaces is not available in the sandbox',
    'locals': 'introspection of namespaces is not available in the sandbox',
    'input': 'there is no standard input in the sandbox',
    'breakpoint': 'debuggers are not available in the sandbox',
    'memoryview': 'memoryview is not available in the sandbox',
    'help': 'help() is not available in the sandbox',
    'exit': 'exit() is not available in the sandbox',
    'quit': 'quit() is not available in the sandbox',
    'id': 'id() is not available in the sandbox (object addresses are not exposed)',
}

_ALLOWED_BASES = frozenset({object, int, float, complex, str, bytes, list, tuple, dict, set, frozenset})

# Host types whose instances may stand in a class statement's bases and resolve through
# `__mro_entries__` (the sandbox typing module's TypedDict/Protocol/Generic forms).
MRO_ENTRY_TYPES: set[type] = set()


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


def build_class(func: Any, name: str, *bases: Any, **kwds: Any) -> type:
    """`__build_class__` for sandbox class statements: plain bases only, then mark the class."""
    if 'metaclass' in kwds:
        raise TypeError('classes with metaclasses are not supported in the sandbox')
    if any(type(b) in MRO_ENTRY_TYPES for b in bases):
        resolved: list[Any] = []
        for b in bases:
            resolved.extend(b.__mro_entries__(bases) if type(b) in MRO_ENTRY_TYPES else (b,))
        bases = tuple(dict.fromkeys(resolved))
    for base in bases:
        if type(base) is not type or not (
            is_sandbox_class(base) or base in _ALLOWED_BASES or _is_builtin_exception(base)
        ):
            label = base.__name__ if isinstance(base, type) else type(base).__name__
            raise TypeError(f"cannot subclass '{label}' in the sandbox")
    if kwds and any(getattr(b, '__monty_typed_dict__', False) for b in bases):
        kwds.pop('total', None)  # TypedDict(total=False): only meaningful to the type checker
    cls = _b.__build_class__(func, name, *bases, **kwds)
    if type(cls) is not type:
        raise TypeError('metaclasses are not supported in the sandbox')
    type.__setattr__(cls, SANDBOX_CLASS_MARK, True)
    return cls


def _is_builtin_exception(t: type) -> bool:
    return issubclass(t, BaseException) and t.__module__ == 'builtins'


def _unavailable(name: str) -> Callable[..., Any]:
    reason = _UNAVAILABLE[name]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NameError(f"name '{name}' is not available: {reason}")

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


def _dir(obj: Any = None) -> list[str]:
    if obj is None:
        raise TypeError('dir() without arguments is not supported in the sandbox')
    names: list[str] = []
    for n in dir(obj):
        try:
            guarded_getattr(obj, n)
        except Exception:
            continue
        names.append(n)
    return names


def _vars(*args: Any) -> dict[str, Any]:
    if len(args) != 1:
        raise TypeError('vars() needs exactly one argument in the sandbox')
    obj = args[0]
    t = type(obj)
    if SANDBOX_CLASS_MARK in t.__dict__:
        try:
            return object.__getattribute__(obj, '__dict__')
        except AttributeError:
            raise TypeError('vars() argument must have __dict__ attribute') from None
    if t is type and is_sandbox_class(obj):
        return {k: v for k, v in obj.__dict__.items() if not k.startswith('__')}
    raise TypeError(f"vars() of a '{t.__name__}' object is not available in the sandbox")


def _template() -> dict[str, Any]:
    ns: dict[str, Any] = {name: getattr(_b, name) for name in _SHARED_NAMES}
    for name, value in vars(_b).items():
        if isinstance(value, type) and issubclass(value, BaseException) and not name.startswith('_'):
            ns[name] = value
    ns.update({name: _unavailable(name) for name in _UNAVAILABLE})
    ns.update(
        type=SandboxType,
        getattr=sandbox_getattr,
        hasattr=sandbox_hasattr,
        setattr=sandbox_setattr,
        delattr=sandbox_delattr,
        dir=_dir,
        vars=_vars,
        __build_class__=build_class,
        _m_ga=guarded_getattr,
        _m_sa=guarded_setattr,
        _m_da=guarded_delattr,
        _m_next=next,
        _m_rtype=type,
        _m_compress=compress,
    )
    return ns


TEMPLATE = _template()


def _ticker() -> Any:
    """The running sandbox's ticker (its greenlet carries it)."""
    return getcurrent().ticker  # type: ignore[attr-defined]


def metered(iterable: Any) -> Any:
    """`iterable`, ticking the run's meter per item unless it is an in-memory container."""
    if type(iterable) in _IN_MEMORY:
        return iterable
    return compress(iterable, _ticker())


def _meter_first(args: tuple[Any, ...]) -> tuple[Any, ...]:
    return (metered(args[0]), *args[1:]) if args else args


# Consumers: argument errors come from the real builtin, so messages match CPython's.
def sum(*args: Any, **kwargs: Any) -> Any:  # noqa: A001
    return _b.sum(*_meter_first(args), **kwargs)


def min(*args: Any, **kwargs: Any) -> Any:  # noqa: A001
    return _b.min(*_meter_first(args) if len(args) == 1 else args, **kwargs)


def max(*args: Any, **kwargs: Any) -> Any:  # noqa: A001
    return _b.max(*_meter_first(args) if len(args) == 1 else args, **kwargs)


def sorted(*args: Any, **kwargs: Any) -> list[Any]:  # noqa: A001
    return _b.sorted(*_meter_first(args), **kwargs)


def any(*args: Any, **kwargs: Any) -> bool:  # noqa: A001
    return _b.any(*_meter_first(args), **kwargs)


def all(*args: Any, **kwargs: Any) -> bool:  # noqa: A001
    return _b.all(*_meter_first(args), **kwargs)


def iter(*args: Any) -> Any:  # noqa: A001
    it = _b.iter(*args)
    if it is args[0] or (len(args) == 1 and type(args[0]) in _IN_MEMORY):
        return it  # already an iterator (keeps `iter(it) is it`), or bounded by memory
    return compress(it, _ticker())


# Lazy adapters: subclasses of the C-level `compress`, so iterating them stays in C and ticks; they
# keep CPython's names for `type(x).__name__` and isinstance checks.
class map(compress):  # noqa: A001
    """map(func, *iterables) --> map object, metered."""

    __slots__ = ()

    def __new__(cls, func: Any, *iterables: Any) -> map:
        return compress.__new__(cls, _b.map(func, *iterables), _ticker())


class filter(compress):  # noqa: A001
    """filter(function or None, iterable) --> filter object, metered."""

    __slots__ = ()

    def __new__(cls, function: Any, iterable: Any, /) -> filter:
        return compress.__new__(cls, _b.filter(function, iterable), _ticker())


class zip(compress):  # noqa: A001
    """zip(*iterables, strict=False) --> zip object, metered."""

    __slots__ = ()

    def __new__(cls, *iterables: Any, strict: bool = False) -> zip:
        return compress.__new__(cls, _b.zip(*iterables, strict=strict), _ticker())


class enumerate(compress):  # noqa: A001
    """enumerate(iterable, start=0) --> enumerate object, metered."""

    __slots__ = ()

    def __new__(cls, iterable: Any, start: int = 0) -> enumerate:
        return compress.__new__(cls, _b.enumerate(iterable, start), _ticker())


class reversed(compress):  # noqa: A001
    """reversed(sequence) --> reverse iterator, metered."""

    __slots__ = ()

    def __new__(cls, sequence: Any, /) -> reversed:
        return compress.__new__(cls, _b.reversed(sequence), _ticker())


for _adapter in (map, filter, zip, enumerate, reversed):
    _adapter.__module__ = 'builtins'
    ALLOWED[_adapter] = frozenset()
for _fn in (sum, min, max, sorted, any, all, iter):
    _fn.__module__ = 'builtins'
    TEMPLATE[_fn.__name__] = _fn
for _adapter in (map, filter, zip, enumerate, reversed):
    TEMPLATE[_adapter.__name__] = _adapter


def make_builtins(
    meter: Meter, print_fn: Callable[..., None], importer: Callable[..., Any]
) -> dict[str, Any]:
    """One run's builtins dictionary: the shared template plus the run's own entries."""
    ns = TEMPLATE.copy()
    meter.builtins = ns
    ns.update(
        print=print_fn,
        __import__=importer,
        _m_T=meter.ticker,
        _m_alive=meter.alive,
        _m_deep=meter.too_deep,
        _m_maxdepth=meter.max_depth,
    )
    return ns
