"""`copy` in the sandbox.

`copy.copy`/`copy.deepcopy` are reimplemented over an explicit set of types: builtin containers,
sandbox class instances and exceptions (CPython's reduce protocol, honouring sandbox `__copy__` /
`__deepcopy__`), the mutable `collections` types, and immutable host values (returned as they are).
Other host objects raise `TypeError` as CPython does for unpicklable objects, so copying can never
build a new host object from copied internals. Deep copies tick the meter per object.
"""

from __future__ import annotations

import collections as _c
import copy as _copy
import copyreg
import types
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.guards import SANDBOX_CLASS_MARK
from ..runtime.identities import address
from ..runtime.modules import RunContext
from ._support import bind, current, tick

_ATOMIC = {
    type(None),
    type(Ellipsis),
    type(NotImplemented),
    int,
    float,
    bool,
    complex,
    bytes,
    str,
    range,
    types.BuiltinFunctionType,
    types.FunctionType,
    type,
    property,
    types.CodeType,
}
_CONTAINERS = {list, dict, set, frozenset, tuple, bytearray}


def _is_sandbox_obj(x: Any) -> bool:
    return SANDBOX_CLASS_MARK in type(x).__dict__


def _is_host_immutable(x: Any) -> bool:
    """Registered host values that are immutable (datetime, Decimal, Fraction, UUID, patterns, ...)."""
    t = type(x)
    if t in ALLOWED and not hasattr(x, '__dict__') and t not in _MUTABLE_HOST:
        return True
    return t.__module__ in ('datetime', 'decimal', 'fractions', 'uuid', 're', 'zoneinfo', 'operator')


_MUTABLE_HOST = {_c.deque, _c.defaultdict, _c.OrderedDict, _c.Counter, _c.ChainMap}


def _reduce(x: Any) -> tuple[Any, ...]:
    rv = object.__reduce_ex__(x, 4)
    if isinstance(rv, str):
        return (rv,)
    return rv


def copy(x: Any) -> Any:
    """Shallow copy operation on arbitrary sandbox values."""
    t = type(x)
    if t in _ATOMIC or t in (tuple, frozenset):
        return x
    if t in (list, dict, set, bytearray):
        return t(x)
    if isinstance(
        x, (_c.deque, _c.defaultdict, _c.OrderedDict, _c.Counter, _c.ChainMap)
    ) and not _is_sandbox_obj(x):
        return x.copy()
    if _is_sandbox_obj(x) or (isinstance(x, BaseException) and t.__module__ == 'builtins'):
        if '__copy__' in _class_dicts(t):
            obj: Any = x
            return obj.__copy__()
        rv = _reduce(x)
        return getattr(_copy, '_reconstruct')(x, None, *rv)  # noqa: B009
    if _is_host_immutable(x) or isinstance(x, type):
        return x
    raise TypeError(f"cannot pickle '{t.__name__}' object")


def _class_dicts(t: type) -> set[str]:
    names: set[str] = set()
    for klass in t.__mro__:
        if SANDBOX_CLASS_MARK in klass.__dict__:
            names.update(klass.__dict__)
    return names


def _key(x: Any) -> int:
    """The memo key of `x`: its fake address in this run (a `memo` is sandbox data, and the sandbox
    never sees a real `id()`)."""
    return int(address(x), 16)


def _reconstruct(x: Any, memo: Any, func: Any, args: Any, state: Any = None, listiter: Any = None,
                 dictiter: Any = None) -> Any:  # fmt: skip
    """CPython's `copy._reconstruct` for a deep copy, keying the memo as `deepcopy` does."""
    y = func(*(deepcopy(arg, memo) for arg in args)) if args else func()
    memo[_key(x)] = y
    if state is not None:
        state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo))
    if dictiter is not None:
        for key, value in dictiter:
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def deepcopy(x: Any, memo: Any = None, _nil: Any = None) -> Any:
    """Deep copy operation on arbitrary sandbox values."""
    if memo is None:
        memo = {}
    d = _key(x)
    y = memo.get(d, _MISSING)
    if y is not _MISSING:
        return y
    tick(current())
    t = type(x)
    if t in _ATOMIC:
        return x
    if t is tuple:
        return _deepcopy_tuple(x, memo, d)
    builtin = _BUILTIN_COPIERS.get(t)
    if builtin is not None:
        return _remember(x, builtin(x, memo, d), memo, d)
    if _is_sandbox_obj(x) or (isinstance(x, BaseException) and t.__module__ == 'builtins'):
        return _remember(x, _deepcopy_instance(x, t, memo), memo, d)
    y = _deepcopy_collection(x, memo, d)
    if y is not _MISSING:
        return _remember(x, y, memo, d)
    if _is_host_immutable(x) or isinstance(x, type):
        return x
    raise TypeError(f"cannot pickle '{t.__name__}' object")


def _remember(x: Any, y: Any, memo: Any, d: int) -> Any:
    """Record `y` as the copy of `x` (and keep `x` alive in the memo, as CPython does) and return it."""
    if y is not x:
        memo[d] = y
        memo.setdefault(_key(memo), []).append(x)
    return y


def _deepcopy_tuple(x: Any, memo: Any, d: int) -> Any:
    items = [deepcopy(a, memo) for a in x]
    if d in memo:  # the tuple was reached again through its items: that copy is its copy
        return memo[d]
    return _remember(x, x if all(a is b for a, b in zip(items, x, strict=True)) else tuple(items), memo, d)


# The builtin mutable containers (exact types: a sandbox subclass is copied as a sandbox instance). A
# container enters the memo before its items are copied, so that a cycle through it finds the copy.
def _deepcopy_list(x: Any, memo: Any, d: int) -> Any:
    y: list[Any] = []
    memo[d] = y
    for a in x:
        y.append(deepcopy(a, memo))
    return y


def _deepcopy_dict(x: Any, memo: Any, d: int) -> Any:
    y: dict[Any, Any] = {}
    memo[d] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deepcopy_set(x: Any, memo: Any, d: int) -> Any:
    return type(x)(deepcopy(a, memo) for a in x)


def _deepcopy_bytearray(x: Any, memo: Any, d: int) -> Any:
    return bytearray(x)


_BUILTIN_COPIERS = {
    list: _deepcopy_list,
    dict: _deepcopy_dict,
    set: _deepcopy_set,
    frozenset: _deepcopy_set,
    bytearray: _deepcopy_bytearray,
}


def _deepcopy_instance(x: Any, t: type, memo: Any) -> Any:
    """A sandbox instance or builtin exception: its class's `__deepcopy__`, else CPython's reduce."""
    if '__deepcopy__' in _class_dicts(t):
        obj: Any = x
        return obj.__deepcopy__(memo)
    rv = _reduce(x)
    return _reconstruct(x, memo, *rv)


def _deepcopy_collection(x: Any, memo: Any, d: int) -> Any:
    """A copy of a `collections` container, or `_MISSING` when `x` is none."""
    if type(x) is _c.deque or isinstance(x, _c.deque):
        dq: Any = x
        y = type(dq)((), dq.maxlen)
        memo[d] = y
        y.extend(deepcopy(a, memo) for a in dq)
        return y
    if isinstance(x, (_c.defaultdict, _c.OrderedDict, _c.Counter)):
        y = _c.defaultdict(x.default_factory) if isinstance(x, _c.defaultdict) else type(x)()
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if isinstance(x, _c.ChainMap):
        return _c.ChainMap(*[deepcopy(m, memo) for m in x.maps])
    return _MISSING


_MISSING = object()


def _copy_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    return {'copy': copy, 'deepcopy': deepcopy, 'Error': _copy.Error, 'error': _copy.Error}


del copyreg
