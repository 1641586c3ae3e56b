"""Values crossing the sandbox boundary, in both directions, are copied into plain data.

Into the sandbox (`to_sandbox`): `None`, `bool`, `int`, `float`, `complex`, `str`, `bytes`, `bytearray`,
`list`, `tuple`, `dict`, `set`, `frozenset`, `range`, nested to any depth (cycles preserved). Subclasses
of those become the base type (a `NamedTuple` becomes a `tuple`, an `IntEnum` member an `int`);
other `Enum` members become their `.value`; dataclass instances and pydantic models become `dict`s of
their fields (pydantic via `model_dump()`). Anything else raises `MontyConversionError`.

Out of the sandbox (`to_host`), the same plain types come back as fresh host objects, and:
sandbox class instances become `dict`s of their attributes (`__dict__` and `__slots__`, names
starting with `_` left out) — dataclass instances therefore come back as a dict of their fields;
sandbox exceptions become a fresh builtin exception of their nearest builtin type. Functions,
classes, generators, modules and other live objects raise `MontyConversionError`.

`to_host` runs inside the sandbox's greenlet (under its limits): it may hash sandbox-defined keys.
"""

from __future__ import annotations

import dataclasses
import enum
from itertools import chain
from typing import Any

from .errors import MontyConversionError
from .runtime.bigrange import BigRange, make_range
from .runtime.classes import SANDBOX_CLASS_MARK

MAX_DEPTH = 200
_NO_BASE: Any = object()

_ATOMS = frozenset({type(None), bool, int, float, complex, str, bytes, range})
_PLAIN = _ATOMS - {range}  # atoms copied as they are (a range may need the sandbox's stand-in)
PLAIN_ATOMS = _PLAIN


def _describe(value: Any) -> str:
    return f"'{type(value).__module__}.{type(value).__qualname__}'"


_STR = frozenset({str})
_DICTS = frozenset({dict})
_PLAIN_OR_LIST = _PLAIN | {list}
_values = dict.values
_copy_dict = dict.copy


def plain_kwargs(kwargs: dict[Any, Any]) -> bool:
    """Whether keyword arguments can cross as they are: names of exact type `str`, plain atoms."""
    return _STR.issuperset(map(type, kwargs)) and _PLAIN.issuperset(map(type, kwargs.values()))


def plain_copy(value: Any) -> Any:
    """The fast path of both conversions, for JSON-like records: a copy of an exact `list` of plain
    atoms, of an exact `list` of exact dicts of plain atoms, or of an exact `dict` whose keys are plain
    atoms and whose values are plain atoms or exact lists of them; equal to what the general
    conversion makes, and as independent of `value`. `None` when `value` needs the general conversion
    (anything else, or a dict listed twice, whose two places must stay one object)."""
    t = type(value)
    if t is list:
        types = set(map(type, value))
        if _PLAIN.issuperset(types):
            return value.copy()
        if types != _DICTS:
            return None
        if (
            _PLAIN.issuperset(map(type, chain.from_iterable(value)))
            and _PLAIN.issuperset(map(type, chain.from_iterable(map(_values, value))))
            and len(set(map(id, value))) == len(value)
        ):
            return list(map(_copy_dict, value))
        return None
    if t is not dict or not _PLAIN.issuperset(map(type, value)):
        return None
    types = set(map(type, value.values()))
    if _PLAIN.issuperset(types):
        return value.copy()
    if not _PLAIN_OR_LIST.issuperset(types):
        return None
    out = value.copy()
    copies: dict[int, list[Any]] = {}  # a list under two keys stays one list
    for k, v in value.items():
        if type(v) is list:
            if not _PLAIN.issuperset(map(type, v)):
                return None
            c = copies.get(id(v))
            if c is None:
                c = copies[id(v)] = v.copy()
            out[k] = c
    return out


def to_sandbox(value: Any, what: str) -> Any:
    """Copy a host value into sandbox data; `what` names the value in error messages."""
    if type(value) in _PLAIN:
        return value
    copy = plain_copy(value)
    if copy is not None:
        return copy
    return _Into(what).convert(value, 0)


class _Into:
    def __init__(self, what: str) -> None:
        self.what = what
        self.memo: dict[int, tuple[Any, Any]] = {}  # id -> (object kept alive, copy)

    def fail(self, value: Any) -> MontyConversionError:
        return MontyConversionError(
            f'{self.what}: a {_describe(value)} object cannot be passed into the sandbox '
            '(allowed: None, bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset, '
            'dataclasses and pydantic models)'
        )

    def convert(self, value: Any, depth: int) -> Any:
        t = type(value)
        if t in _ATOMS:
            # A huge range iterates with the meter's ticks inside the sandbox.
            return make_range(value) if t is range else value
        if depth > MAX_DEPTH:
            raise MontyConversionError(f'{self.what}: value is nested more than {MAX_DEPTH} levels deep')
        key = id(value)
        memo = self.memo
        if key in memo:
            return memo[key][1]
        convert = self.convert
        inner = depth + 1
        if t is dict:
            # The common case (JSON-like data): plain keys and atoms are copied without recursion.
            d: dict[Any, Any] = {}
            memo[key] = (value, d)
            for k, v in value.items():
                if type(k) not in _PLAIN:
                    k = convert(k, inner)
                d[k] = v if type(v) in _PLAIN else convert(v, inner)
            return d
        if t is list or (isinstance(value, list) and not isinstance(value, enum.Enum)):
            out: list[Any] = []
            memo[key] = (value, out)
            append = out.append
            for v in list.__iter__(value):
                append(v if type(v) in _PLAIN else convert(v, inner))
            return out
        return self._other(value, depth)

    def _other(self, value: Any, depth: int) -> Any:
        """Anything but an atom, a dict or a list: subclasses of the builtin types (as their base's
        data), tuples, sets, enum members, dataclass instances, pydantic models."""
        if isinstance(value, dict):
            sub: dict[Any, Any] = {}
            self.memo[id(value)] = (value, sub)
            convert, inner = self.convert, depth + 1
            for k, v in dict.items(value):
                sub[convert(k, inner)] = convert(v, inner)
            return sub
        if isinstance(value, enum.Enum):
            return self.convert(value.value, depth + 1)
        scalar = _scalar_copy(value)
        if scalar is not _NO_BASE:
            return scalar
        if isinstance(value, tuple):
            return tuple(self.convert(v, depth + 1) for v in tuple.__iter__(value))
        if isinstance(value, bytearray):
            return bytearray(value)
        if isinstance(value, frozenset):
            return frozenset(self.convert(v, depth + 1) for v in frozenset.__iter__(value))
        if isinstance(value, set):
            return {self.convert(v, depth + 1) for v in set.__iter__(value)}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
            return self.convert(fields, depth + 1)
        dump = getattr(type(value), 'model_dump', None)
        if dump is not None and hasattr(type(value), 'model_fields'):
            return self.convert(value.model_dump(), depth + 1)
        raise self.fail(value)


def _scalar_copy(value: Any) -> Any:
    """A fresh `bool`, `int`, `float`, `str` or `bytes` with the value of `value` (an instance of a
    subclass of one), made by the base type's own methods; `_NO_BASE` for anything else."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bytes):
        return bytes(value)
    return _NO_BASE


def to_host(value: Any, what: str = 'result') -> Any:
    """Copy sandbox data out into fresh host values; see the module docstring for the rules."""
    if type(value) in _ATOMS:
        return value
    copy = plain_copy(value)
    if copy is not None:
        return copy
    return _Out(what).convert(value, 0)


class _Out:
    def __init__(self, what: str) -> None:
        self.what = what
        self.memo: dict[int, tuple[Any, Any]] = {}  # id -> (object kept alive, copy)

    def fail(self, value: Any) -> MontyConversionError:
        return MontyConversionError(
            f'{self.what}: a sandbox {type(value).__name__!r} object has no plain-data form '
            'and cannot leave the sandbox'
        )

    def convert(self, value: Any, depth: int) -> Any:
        t = type(value)
        if t in _ATOMS:
            return value
        if depth > MAX_DEPTH:
            raise MontyConversionError(f'{self.what}: value is nested more than {MAX_DEPTH} levels deep')
        key = id(value)
        if key in self.memo:
            return self.memo[key][1]
        if t is list:
            out: list[Any] = []
            self.memo[key] = (value, out)
            append, convert, inner = out.append, self.convert, depth + 1
            for v in value:
                append(v if type(v) in _ATOMS else convert(v, inner))
            return out
        if t is dict:
            d: dict[Any, Any] = {}
            self.memo[key] = (value, d)
            for k, v in value.items():
                d[self.key(k, depth)] = self.convert(v, depth + 1)
            return d
        if t is tuple:
            if all(type(v) in _ATOMS for v in value):
                return value  # immutable, and every item is an immutable atom
            return tuple(self.convert(v, depth + 1) for v in value)
        return self._other(value, t, depth)

    def _other(self, value: Any, t: type, depth: int) -> Any:
        """Anything but an atom, a list, a dict or a tuple: sets, bytearrays, slices, long ranges,
        sandbox class instances, exceptions."""
        if t is set or t is frozenset:
            items = [self.key(v, depth) for v in value]
            return set(items) if t is set else frozenset(items)
        if t is bytearray:
            return bytearray(value)
        if t is slice:
            return slice(*(self.convert(v, depth + 1) for v in (value.start, value.stop, value.step)))
        if value is Ellipsis:
            return value
        if t is BigRange:
            return value.range
        if SANDBOX_CLASS_MARK in t.__dict__:
            return self.instance(value, depth)
        if isinstance(value, BaseException):
            return _host_exception(value)
        raise self.fail(value)

    def key(self, k: Any, depth: int) -> Any:
        out = self.convert(k, depth + 1)
        try:
            hash(out)
        except TypeError:
            raise MontyConversionError(
                f'{self.what}: a sandbox {type(k).__name__!r} object cannot be a key of a host dict or set'
            ) from None
        return out

    def instance(self, value: Any, depth: int) -> Any:
        t = type(value)
        # Builtin bases first: a sandbox subclass of dict/list/... leaves as that base's data. The base
        # types' own methods are called, never the subclass's overrides.
        if not isinstance(value, BaseException):
            raw = _base_data(value)
            if raw is not _NO_BASE:
                return self.convert(raw, depth)
        if isinstance(value, BaseException):
            return _host_exception(value)
        return self.convert(_public_attributes(value, t), depth)


def _base_data(value: Any) -> Any:
    """The data of a sandbox instance of a subclass of dict/list/tuple/str/bool/int/float, read by the
    base type's own methods (never the subclass's overrides); `_NO_BASE` for any other instance."""
    if isinstance(value, dict):
        return dict(dict.items(value))
    if isinstance(value, list):
        return list(list.__iter__(value))
    if isinstance(value, tuple):
        return tuple(tuple.__iter__(value))
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, bool):
        return bool(int.__index__(value))
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    return _NO_BASE


def _public_attributes(value: Any, t: Any) -> dict[str, Any]:
    """A sandbox instance's attributes (`__dict__`, then the sandbox classes' `__slots__`) whose names
    do not start with `_`."""
    attrs: dict[str, Any] = {}
    try:
        raw_dict = object.__getattribute__(value, '__dict__')
    except AttributeError:
        raw_dict = {}
    for name, v in dict.items(raw_dict):
        if type(name) is str and not name.startswith('_'):
            attrs[name] = v
    for klass in t.__mro__:
        for slot in klass.__dict__.get('__slots__', ()) if SANDBOX_CLASS_MARK in klass.__dict__ else ():
            if isinstance(slot, str) and not slot.startswith('_') and slot not in attrs:
                descriptor = klass.__dict__.get(slot)
                try:
                    attrs[slot] = descriptor.__get__(value, t)  # type: ignore[union-attr]
                except AttributeError:
                    pass
    return attrs


def _host_exception(exc: BaseException) -> BaseException:
    from .runtime.errors import describe_exception

    type_name, builtin, message = describe_exception(exc)
    import builtins

    cls = getattr(builtins, builtin, Exception)
    text = message if type_name == builtin else f'{type_name}: {message}'
    try:
        return cls(text)
    except Exception:
        return Exception(text)
