"""The attribute guard: every attribute read, write and delete that sandbox code makes, unless the
compiler proved the plain access equivalent (see `is_plain_safe`).

Decisions use the object's real type (`type(obj)`, never `obj.__class__`) and exact `str` names.
Objects fall in four groups:

- sandbox classes and their instances (marked by `build_class`): any non-dunder attribute the user
  defined; attributes inherited from a builtin base follow that base's allow-list;
- sandbox modules: their export list;
- registered host types (allowlists.ALLOWED): their allow-list, some methods wrapped (WRAPPERS);
- anything else: nothing.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from .allowlists import ALLOWED, ALLOWED_DATA, SAFE_DUNDERS, SELF_GUARDED, is_dunder
from .limits import check_format_spec, check_lshift, check_mod, check_mul, check_pow

SANDBOX_CLASS_MARK = '__monty_class__'
SANDBOX_MODULE_MARK = '__monty_module__'
SANDBOX_GLOBALS_MARK = '_m_sandbox'

# (type, attribute) -> factory(bound object) -> the callable handed to sandbox code instead of the
# real method (bounded or guarded versions of methods that traverse attributes or amplify sizes).
WRAPPERS: dict[tuple[type, str], Callable[[Any], Any]] = {}

_type = type
_getattr = getattr
_object_getattribute = object.__getattribute__

# The sandbox's stand-in for the class `type` (set by builtins.py): `x.__class__` of a class gives it.
SANDBOX_TYPE: list[Any] = [type]

# Builtin classes the sandbox sees through a stand-in class (set by builtins.py): real -> stand-in
# (`type(b'')` is the sandbox's `bytes`), and stand-in -> real (attribute reads on the stand-in).
STANDINS: dict[type, Any] = {}
REAL_OF: dict[Any, type] = {}
STANDIN_METAS: set[type] = set()

_ALL_NAMES: dict[type, frozenset[str]] = {}

# '__repr__' / '__str__' -> f(value read) -> what sandbox code gets instead (runtime/stable.py: CPython's
# own renderings, `object.__repr__(x)` included, would show addresses).
TEXT_DUNDERS: dict[str, Callable[[Any], Any]] = {}


def _rcheck(check: Callable[..., None]) -> Callable[..., None]:
    return lambda self, other, *rest: check(other, self, *rest)


# Operator dunders of the builtin types that can allocate far more than their operands: reading one
# gives a version that pre-checks the result size (`'x'.__mul__(10**10)`, `int.__pow__(10, 10**10)`).
DUNDER_CHECKS: dict[str, Callable[..., None]] = {
    '__mul__': check_mul,
    '__rmul__': check_mul,
    '__imul__': check_mul,
    '__pow__': check_pow,
    '__ipow__': check_pow,
    '__rpow__': _rcheck(check_pow),
    '__lshift__': check_lshift,
    '__ilshift__': check_lshift,
    '__rlshift__': _rcheck(check_lshift),
    '__mod__': check_mod,
    '__imod__': check_mod,
    '__rmod__': _rcheck(check_mod),
    '__format__': lambda self, spec='', *rest: check_format_spec(spec),
}


def _names_of(t: type) -> frozenset[str]:
    names = _ALL_NAMES.get(t)
    if names is None:
        names = _ALL_NAMES[t] = frozenset(dir(t))
    return names


def is_sandbox_class(t: type) -> bool:
    return SANDBOX_CLASS_MARK in t.__dict__


# Metaclasses the sandbox's own modules use for sandbox classes (enum's `EnumType`). Their instances
# are classes and are guarded as such; sandbox code never sees the metaclass itself (`type(Color)` is
# the sandbox's `type`, which cannot create classes).
SAFE_METACLASSES: set[type] = set()


def sandbox_type_of(obj: Any) -> type:
    t = _type(obj)
    if t is type or t in SAFE_METACLASSES:
        return SANDBOX_TYPE[0]
    standin = STANDINS.get(t)
    if standin is not None:
        return standin
    if isinstance(obj, type):
        # Any other metaclass (`abc.ABCMeta` of `ChainMap` and the `collections.abc` classes, typing's
        # `_ProtocolMeta`, CPython's `EnumType` of `re.RegexFlag`): called with 3 arguments it builds a
        # class outside `build_class` (host bases, `__getattribute__`/`__del__`/`__class__` in its
        # namespace, no sandbox mark). Sandbox code sees it as its `type`, which cannot create classes.
        return SANDBOX_TYPE[0]
    return t


def _missing(obj: Any, name: str) -> AttributeError:
    t = _type(obj)
    if t is types.ModuleType:
        return AttributeError(f"module '{obj.__name__}' has no attribute '{name}'")
    if t is type or t in SAFE_METACLASSES:
        return AttributeError(f"type object '{obj.__name__}' has no attribute '{name}'")
    return AttributeError(f"'{t.__name__}' object has no attribute '{name}'")


_REFUSED = 'is not allowed in the sandbox'


def _refused(obj: Any, name: str) -> AttributeError:
    t = _type(obj)
    owner = obj.__name__ if t is type or t in SAFE_METACLASSES or t is types.ModuleType else t.__name__
    return AttributeError(f"access to '{owner}.{name}' {_REFUSED}")


def _check_name(name: object) -> str:
    if _type(name) is not str:
        raise TypeError(f"attribute name must be string, not '{_type(name).__name__}'")
    return name  # type: ignore[return-value]


def _from_builtin(owner: type, obj: Any, name: str, bound: bool) -> Any:
    """Read `name`, found on the builtin class `owner`, applying its allow-list and wrappers."""
    allowed = ALLOWED.get(owner)
    if allowed is None or name not in allowed:
        raise _refused(obj, name)
    wrap = WRAPPERS.get((owner, name))
    if wrap is None:
        return _getattr(obj, name)
    if bound or _type(owner.__dict__.get(name)) in _CLASS_LEVEL:
        return wrap(obj)

    def unbound(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(self, owner):
            raise TypeError(
                f"descriptor '{name}' for '{owner.__name__}' objects doesn't apply to a "
                f"'{_type(self).__name__}' object"
            )
        return wrap(self)(*args, **kwargs)

    unbound.__name__ = unbound.__qualname__ = name
    return unbound


_CLASS_LEVEL = (types.ClassMethodDescriptorType, classmethod, staticmethod, types.BuiltinMethodType)


def _resolve_owner(mro: tuple[type, ...], name: str) -> type | None:
    for klass in mro:
        if name in klass.__dict__:
            return klass
    return None


# Dunders that construct or re-initialise: readable on sandbox classes and their instances, on the
# builtin data types and exceptions, never on other host objects (`fetch.__init__(...)` would re-bind a
# host object's internals).
_CONSTRUCTION = frozenset({'__init__', '__new__', '__post_init__'})


def _constructible(obj: Any) -> bool:
    t = _type(obj)
    if isinstance(obj, type):
        cls = REAL_OF.get(obj, obj)
        return SANDBOX_CLASS_MARK in cls.__dict__ or cls in ALLOWED_DATA or _is_exception_class(cls)
    if t is super:
        return True
    return SANDBOX_CLASS_MARK in t.__dict__ or t in ALLOWED_DATA or _is_exception_class(t)


def _is_exception_class(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, BaseException) and cls.__module__ == 'builtins'


def _is_sandbox_code(value: Any) -> bool:
    t = _type(value)
    if t is types.FunctionType:
        return SANDBOX_GLOBALS_MARK in value.__globals__
    return t is type and SANDBOX_CLASS_MARK in value.__dict__


def _wrapped(obj: Any) -> Any:
    """`f.__wrapped__` (`functools.wraps`, `lru_cache`): what sandbox code wrapped itself. A sandbox
    function's holds what the sandbox passed to `wraps`; on anything else only a sandbox function or
    class is returned (a host function's may be the unchecked original of a size-checked one)."""
    if _type(obj) is types.FunctionType and SANDBOX_GLOBALS_MARK in obj.__globals__:
        if '__wrapped__' in obj.__dict__:
            return obj.__dict__['__wrapped__']
        raise _missing(obj, '__wrapped__')
    try:
        value = object.__getattribute__(obj, '__dict__').get('__wrapped__')
    except (AttributeError, TypeError):
        value = None
    if value is not None and _is_sandbox_code(value):
        return value
    raise _refused(obj, '__wrapped__')


def _dunder(obj: Any, name: str) -> Any:
    if name == '__wrapped__':
        return _wrapped(obj)
    if name not in SAFE_DUNDERS:
        raise _refused(obj, name)
    if name == '__class__':
        return sandbox_type_of(obj)
    if name in _CONSTRUCTION and not _constructible(obj):
        raise _refused(obj, name)
    target: Any = REAL_OF.get(obj, obj) if _type(obj) in STANDIN_METAS else obj
    value = _getattr(target, name)
    text = TEXT_DUNDERS.get(name)
    if text is not None:
        return text(value)
    check = DUNDER_CHECKS.get(name)
    if check is None:
        return value
    t: Any = _type(target)
    is_class = t is type or t in SAFE_METACLASSES
    mro: tuple[type, ...] = target.__mro__ if is_class else t.__mro__
    owner = _resolve_owner(mro, name)
    if owner is None or SANDBOX_CLASS_MARK in owner.__dict__:
        return value
    if is_class:

        def unbound(self: Any, *args: Any) -> Any:
            check(self, *args)
            return value(self, *args)

        unbound.__name__ = unbound.__qualname__ = name
        return unbound

    def bound(*args: Any) -> Any:
        check(target, *args)
        return value(*args)

    bound.__name__ = bound.__qualname__ = name
    return bound


def guarded_getattr(obj: Any, name: str) -> Any:
    """`obj.name` for sandbox code."""
    if is_dunder(name):
        return _dunder(obj, name)
    t: Any = _type(obj)
    allowed = ALLOWED.get(t)
    if allowed is not None and t is not type and t is not types.ModuleType and t is not super:
        if name in allowed:
            wrap = WRAPPERS.get((t, name))
            return _getattr(obj, name) if wrap is None else wrap(obj)
        if name in _names_of(t):
            raise _refused(obj, name)
        if t is types.FunctionType and SANDBOX_GLOBALS_MARK in obj.__globals__ and name in obj.__dict__:
            # Attributes a sandbox decorator set on its own function (`wrapper.calls += 1`, which
            # reads through this guard; the function type is in ALLOWED, with no public names).
            return obj.__dict__[name]
        raise _missing(obj, name)
    if t is type or t in SAFE_METACLASSES:
        return _class_getattr(obj, name)
    if t in STANDIN_METAS:
        return _class_getattr(REAL_OF[obj], name)
    if t is types.ModuleType:
        d = obj.__dict__
        if SANDBOX_MODULE_MARK in d and not name.startswith('_') and name in d:
            return d[name]
        raise _missing(obj, name) if SANDBOX_MODULE_MARK in d else _refused(obj, name)
    if t is super:
        return _super_getattr(obj, name)
    cls: Any = t
    if SANDBOX_CLASS_MARK in cls.__dict__:
        owner = _resolve_owner(cls.__mro__, name)
        if owner is None or SANDBOX_CLASS_MARK in owner.__dict__:
            return _getattr(obj, name)  # instance attribute, user-defined, or the user's __getattr__
        return _from_builtin(owner, obj, name, bound=True)
    if isinstance(obj, BaseException) and cls.__module__ == 'builtins':
        return _from_builtin(cls, obj, name, bound=True)
    raise _refused(obj, name)


def _class_getattr(cls: type, name: str) -> Any:
    if name == 'mro':
        return cls.mro  # the classes in the hierarchy; every one is reachable anyway
    owner = _resolve_owner(cls.__mro__, name)
    if owner is None:
        raise _missing(cls, name)
    if SANDBOX_CLASS_MARK in owner.__dict__:
        return _getattr(cls, name)
    return _from_builtin(owner, cls, name, bound=False)


def _super_getattr(sup: Any, name: str) -> Any:
    start = sup.__thisclass__
    self_class = sup.__self_class__
    if self_class is None:
        raise _refused(sup, name)
    mro = self_class.__mro__
    try:
        after = mro[mro.index(start) + 1 :]
    except ValueError:
        after = ()
    owner = _resolve_owner(after, name)
    if owner is None or SANDBOX_CLASS_MARK in owner.__dict__:
        return _getattr(sup, name)
    allowed = ALLOWED.get(owner)
    if allowed is None or name not in allowed:
        raise _refused(sup, name)
    if (owner, name) in WRAPPERS:
        return WRAPPERS[(owner, name)](sup.__self__)
    return _getattr(sup, name)


# Metadata a decorator copies onto its wrapper (`wrapper.__name__ = fn.__name__`): strings on a
# sandbox function, which CPython's own setters type-check.
_FUNCTION_METADATA = frozenset({'__name__', '__qualname__', '__doc__', '__module__'})


def _writable(obj: Any, name: str, verb: str) -> None:
    if is_dunder(name):
        if (
            name in _FUNCTION_METADATA
            and verb == 'set'
            and _type(obj) is types.FunctionType
            and SANDBOX_GLOBALS_MARK in obj.__globals__
        ):
            return
        raise AttributeError(f"cannot {verb} the special attribute '{name}' in the sandbox")
    t = _type(obj)
    if SANDBOX_CLASS_MARK in t.__dict__:
        return
    if (t is type or t in SAFE_METACLASSES) and SANDBOX_CLASS_MARK in obj.__dict__:
        return
    if issubclass(t, BaseException):
        return  # an exception's attributes are its own data
    if t is types.FunctionType and SANDBOX_GLOBALS_MARK in obj.__globals__:
        return
    if t is types.ModuleType:
        raise AttributeError(f"cannot {verb} attributes of module '{obj.__name__}' in the sandbox")
    if any(k in SELF_GUARDED for k in t.__mro__):
        return
    if t in ALLOWED_DATA and t is not object:
        # Builtin data types have no writable attributes: CPython's own error is the right one.
        return
    # Any other host object (including Python-level host classes, whose private state feeds
    # unchecked host code, and objects shared between runs) is read-only to the sandbox.
    raise AttributeError(f"cannot {verb} attributes of '{t.__name__}' objects in the sandbox")


def guarded_setattr(value: Any, obj: Any, name: str) -> None:
    """`obj.name = value` for sandbox code (value first: CPython evaluates it first)."""
    _writable(obj, name, 'set')
    setattr(obj, name, value)


def guarded_delattr(obj: Any, name: str) -> None:
    """`del obj.name` for sandbox code."""
    _writable(obj, name, 'delete')
    delattr(obj, name)


# -- the builtins that take attribute names ----------------------------------------------------------
_MISSING = object()


def sandbox_getattr(obj: Any, name: Any, default: Any = _MISSING) -> Any:
    """The sandbox's `getattr`."""
    name = _check_name(name)
    if default is _MISSING:
        return guarded_getattr(obj, name)
    try:
        return guarded_getattr(obj, name)
    except AttributeError:
        return default


def sandbox_hasattr(obj: Any, name: Any) -> bool:
    """The sandbox's `hasattr`."""
    name = _check_name(name)
    try:
        guarded_getattr(obj, name)
    except AttributeError:
        return False
    return True


def sandbox_setattr(obj: Any, name: Any, value: Any) -> None:
    """The sandbox's `setattr`."""
    guarded_setattr(value, obj, _check_name(name))


def sandbox_delattr(obj: Any, name: Any) -> None:
    """The sandbox's `delattr`."""
    guarded_delattr(obj, _check_name(name))


def is_plain_safe(name: str) -> bool:
    """Whether `obj.name` may compile to a plain attribute read.

    True when, on every registered type that has the attribute, it is allowed and unwrapped; sandbox
    classes allow every non-dunder name they define, and sandbox modules only hold their exports.
    Names starting with `_` are never plain.
    """
    cached = _PLAIN_CACHE.get(name)
    if cached is not None:
        return cached
    ok = not name.startswith('_')
    if ok:
        for t, allowed in ALLOWED.items():
            if name in _names_of(t) and (name not in allowed or (t, name) in WRAPPERS):
                ok = False
                break
    _PLAIN_CACHE[name] = ok
    return ok


_PLAIN_CACHE: dict[str, bool] = {}


def is_refused_somewhere(name: str) -> bool:
    """Whether some registered type has attribute `name` and refuses it (wrapped names do not count)."""
    if name.startswith('_'):
        return True
    return any(name in _names_of(t) and name not in allowed for t, allowed in ALLOWED.items())


_MATCH_MISSING = object()


def match_attr(obj: Any, name: str) -> Any:
    """A class pattern's keyword attribute, read through the guard (missing -> a sentinel; a refused
    attribute raises, as reading it directly does, rather than quietly failing to match)."""
    try:
        return guarded_getattr(obj, name)
    except AttributeError as e:
        if e.args and isinstance(e.args[0], str) and e.args[0].endswith(_REFUSED):
            raise
        return _MATCH_MISSING


def reset_plain_cache() -> None:
    """Forget `is_plain_safe` answers (call after registering types or wrappers)."""
    _PLAIN_CACHE.clear()
