"""The sandbox's `hash()`: the same value in every process.

CPython seeds `str`/`bytes` hashes per process. `sandbox_hash` keeps CPython's hashes for numbers
(already seedless), and for tuples and frozensets of numbers; `str` and `bytes` use a fixed-key BLAKE2b
hash; other tuples and frozensets are CPython's hash of the tuple/frozenset of their items' sandbox
hashes; objects with the default hash get a per-run number (identities.py); a `__hash__` the class
defines is called as CPython calls it. (dict and set internals keep CPython's real hash: only their
iteration order is visible, see `rendering.canonical`.)
"""

from __future__ import annotations

import builtins as _b
import types
from collections.abc import Callable
from typing import Any

from .arity import NOARG, exactly_one
from .identities import identity_hash

try:
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b as _blake2b

_hash = _b.hash
_type = _b.type
_all = _b.all
_map = _b.map
_NoneType = _type(None)
_MASK = (1 << 64) - 1

# Types whose hashes are the same in every process: sets of them already iterate in a fixed order.
SEEDLESS = frozenset({int, float, complex, bool})
_NUMBER_NESTS = SEEDLESS | {tuple, frozenset}


_KEYED = _blake2b(digest_size=8, key=b'monty sandbox: str and bytes hash, v1')
_from_bytes = int.from_bytes
_str_encode = str.encode
_CACHE: dict[Any, int] = {}  # short strings/bytes -> hash (only speed depends on it)
_CACHE_MAX = 4096


def _data_hash(data: Any) -> int:
    if not data:
        return 0  # as CPython: hash('') == hash(b'') == 0
    h = _KEYED.copy()
    h.update(data)
    value = _from_bytes(h.digest(), 'little', signed=True)
    return -2 if value == -1 else value


def str_hash(s: str) -> int:
    """The sandbox hash of a str's text (str subclasses hash as their text)."""
    h = _CACHE.get(s) if _type(s) is str else None
    if h is None:
        h = _data_hash(_str_encode(s, 'utf-8', 'surrogatepass'))
        if _type(s) is str and len(s) <= 64:
            if len(_CACHE) >= _CACHE_MAX:
                _CACHE.clear()
            _CACHE[s] = h
    return h


def bytes_hash(b: Any) -> int:
    """The sandbox hash of bytes: the fixed-key BLAKE2b hash of the data, as for a str's text."""
    return _data_hash(b)


def _numbers_only(items: Any) -> bool:
    """Whether `items` holds only numbers, and tuples and frozensets of them: CPython's hash of such
    a tuple or frozenset is the same in every process."""
    kinds = set(_map(_type, items))
    if kinds <= SEEDLESS:
        return True
    if not kinds <= _NUMBER_NESTS:
        return False
    return _all(_map(_numbers_only, [x for x in items if _type(x) is tuple or _type(x) is frozenset]))


def _signed(u: int) -> int:
    return u - (1 << 64) if u >= 1 << 63 else u


def tuple_hash(t: Any) -> int:
    """CPython's tuple hash (its own value for numbers) over the items' sandbox hashes."""
    if _numbers_only(t):
        return _hash(t)
    return _hash(tuple(_map(sandbox_hash, t)))


def frozenset_hash(s: Any) -> int:
    """CPython's frozenset hash (order-independent; its own value for numbers) over the items'
    sandbox hashes."""
    if _numbers_only(s):
        return _hash(s if _type(s) is frozenset else frozenset(s))
    return _hash(frozenset(_map(sandbox_hash, s)))


def _fold(h: int) -> int:
    h = _signed(h & _MASK)
    return -2 if h == -1 else h


def _method_hash(m: Any) -> int:
    # CPython: pointer hash of __self__ xor the function's hash
    return _fold(identity_hash(m.__self__) ^ sandbox_hash(m.__func__))


def _builtin_method_hash(m: Any) -> int:
    # CPython: pointer hash of __self__ xor a pointer to the C function
    return _fold(identity_hash(m.__self__) ^ str_hash(m.__qualname__))


def _wrapper_hash(m: Any) -> int:
    return _fold(identity_hash(m.__self__) ^ str_hash(m.__qualname__))


# The `__hash__` implementation a type resolves to -> the sandbox's version. Registered by the stdlib
# for host types whose CPython hash is seeded (datetime's).
HASHERS: dict[Any, Callable[[Any], int]] = {
    str.__hash__: str_hash,
    bytes.__hash__: bytes_hash,
    tuple.__hash__: tuple_hash,
    frozenset.__hash__: frozenset_hash,
    object.__hash__: identity_hash,
    types.MethodType.__hash__: _method_hash,
    types.BuiltinMethodType.__hash__: _builtin_method_hash,
    types.MethodWrapperType.__hash__: _wrapper_hash,
}

_NONE_HASH = 0xFCA86420  # CPython 3.12's constant hash(None)
_EXACT: dict[Any, Callable[[Any], int]] = {
    int: _hash,
    float: _hash,
    bool: _hash,
    complex: _hash,
    str: str_hash,
    bytes: bytes_hash,
    tuple: tuple_hash,
    frozenset: frozenset_hash,
    _NoneType: lambda _: _NONE_HASH,
    type(Ellipsis): lambda _: _NONE_HASH + 1,
    type(NotImplemented): lambda _: _NONE_HASH + 2,
}


def mro_lookup(t: type, name: str) -> Any:
    """The attribute `name` as the first class in `t`'s MRO defining it holds it (unbound), or None."""
    for klass in t.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def sandbox_hash(obj: Any = NOARG, /, *more: Any) -> int:
    """The sandbox's `hash()`: the same value in every process (see the module docstring)."""
    if more or obj is NOARG:
        raise exactly_one('hash', len(more) + (obj is not NOARG))
    t = _type(obj)
    if t is str:
        h = _CACHE.get(obj)
        return h if h is not None else str_hash(obj)
    exact = _EXACT.get(t)
    if exact is not None:
        return exact(obj)
    impl = mro_lookup(t, '__hash__')
    if impl is None:
        raise TypeError(f"unhashable type: '{t.__name__}'")
    try:
        hasher = HASHERS.get(impl)
    except TypeError:  # a `__hash__` that is not a function (and not hashable itself)
        hasher = None
    if hasher is not None:
        return hasher(obj)
    return _hash(obj)  # numbers' own, or a __hash__ the class defines (called as CPython calls it)


sandbox_hash.__name__ = sandbox_hash.__qualname__ = 'hash'
sandbox_hash.__module__ = 'builtins'
