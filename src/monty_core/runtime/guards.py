"""The attribute guard: every attribute read, write and delete that sandbox code makes, unless the
compiler proved the plain access equivalent (plain_reads.py: `is_plain_safe` and `open_types`).

Access is decided by the object's exact type (`type(obj)`, never `obj.__class__`) and exact `str`
names, never by the name alone. Objects fall in these groups:

- sandbox classes and their instances (marked by `build_class`): any non-dunder attribute the user
  defined; attributes inherited from a builtin base follow that base's allow-list;
- sandbox modules (`SandboxModule`): their export list;
- registered host types (allowlists.ALLOWED): their allow-list, some methods wrapped (WRAPPERS);
- classes: attributes resolved along the MRO, each owner's allow-list applying;
- anything else is *opaque*: no attribute of it can be read, written or deleted, dunders included.
  A host object that leaked into a run is a dead end.

Writes go further: only what the current run created can be written (its classes, their instances,
its functions, exceptions), so nothing a run writes outlives it or reaches another run.
"""

from __future__ import annotations

import types
from abc import ABCMeta
from collections.abc import Callable
from typing import Any

from .allowlists import ALLOWED, ALLOWED_DATA, SAFE_DUNDERS, SELF_GUARDED, WRAPPERS, is_dunder, names_of
from .arity import expected
from .classes import (
    REAL_OF,
    SAFE_METACLASSES,
    SANDBOX_CLASS_MARK,
    SANDBOX_GLOBALS_MARK,
    STANDIN_METAS,
    is_builtin_exception,
    is_class_object,
    own_class,
    sandbox_mro,
    sandbox_type_of,
    visible_class,
)
from .modules import SandboxModule
from .sizecheck import check_format_spec, check_lshift, check_mod, check_mul, check_pow

# (The `name as name` imports above are re-exports for stdlib/, renamed on another branch, which imports
# them from here: remove them once its import lines name classes.py and plain_reads.py.)
_type = type
_getattr = getattr

# '__repr__' / '__str__' -> f(value read) -> what sandbox code gets instead (runtime/text_dunders.py: CPython's
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

# (builtin class, '__new__' | '__init__') -> the checked constructor used instead (set by builtins.py):
# `bytearray().__init__(10**10)` and `str.__new__(str, big)` are bounded as `bytearray(...)` and
# `str(...)` are.
CONSTRUCTORS: dict[tuple[type, str], Callable[..., Any]] = {}


def _missing(obj: Any, name: str) -> AttributeError:
    t = _type(obj)
    if t is SandboxModule:
        return AttributeError(f"module '{obj.__name__}' has no attribute '{name}'")
    if is_class_object(obj):
        return AttributeError(f"type object '{obj.__name__}' has no attribute '{name}'")
    return AttributeError(f"'{t.__name__}' object has no attribute '{name}'")


_REFUSED = 'is not allowed in the sandbox'


def _refused(obj: Any, name: str) -> AttributeError:
    t = _type(obj)
    owner = obj.__name__ if is_class_object(obj) or t is SandboxModule else t.__name__
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


# -- dunders -------------------------------------------------------------------------------------------
# Dunders that construct or re-initialise: readable on sandbox classes and their instances, on the
# builtin data types and exceptions, never on other host objects (`fetch.__init__(...)` would re-bind a
# host object's internals).
_CONSTRUCTION = frozenset({'__init__', '__new__', '__post_init__'})
# Class hooks: readable on sandbox classes (their own, or `object`'s no-op), never on a host class
# (a host `__init_subclass__` called on its own class could change a class every run shares).
_CLASS_HOOKS = frozenset({'__init_subclass__'})


def _readable(obj: Any) -> bool:
    """Whether `obj` is not opaque: its exact type is registered, a sandbox class, a sandbox module,
    a class (read along its MRO), or a builtin exception."""
    t = _type(obj)
    return (
        t in ALLOWED
        or t is SandboxModule
        or t in SAFE_METACLASSES
        or t in STANDIN_METAS
        or SANDBOX_CLASS_MARK in t.__dict__
        or is_builtin_exception(t)
    )


def _constructible(obj: Any) -> bool:
    t = _type(obj)
    if isinstance(obj, type):
        cls = REAL_OF.get(obj, obj)
        return SANDBOX_CLASS_MARK in cls.__dict__ or cls in ALLOWED_DATA or is_builtin_exception(cls)
    return SANDBOX_CLASS_MARK in t.__dict__ or t in ALLOWED_DATA or is_builtin_exception(t)


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


def _class_structure(cls: Any, name: str) -> Any:
    """`__mro__`, `__bases__`, `__base__` of a class: only classes sandbox code may hold."""
    if name == '__mro__':
        return tuple(sandbox_mro(cls))
    if name == '__bases__':
        return tuple(b for b in cls.__bases__ if visible_class(b)) or (object,)
    base = cls.__base__
    return base if base is None or visible_class(base) else object


_STRUCTURE = frozenset({'__mro__', '__bases__', '__base__'})


def _dunder(obj: Any, name: str) -> Any:
    if not _readable(obj):
        raise _refused(obj, name)
    if name == '__wrapped__':
        return _wrapped(obj)
    if name in _STRUCTURE and is_class_object(obj):
        return _class_structure(obj, name)
    if name not in SAFE_DUNDERS:
        raise _refused(obj, name)
    if name == '__class__':
        return sandbox_type_of(obj)
    if name in _CLASS_HOOKS and not (isinstance(obj, type) and SANDBOX_CLASS_MARK in obj.__dict__):
        raise _refused(obj, name)
    if name in _CONSTRUCTION:
        if not _constructible(obj):
            raise _refused(obj, name)
        checked = _checked_constructor(obj, name)
        if checked is not None:
            return checked
    target: Any = REAL_OF.get(obj, obj) if _type(obj) in STANDIN_METAS else obj
    value = _getattr(target, name)
    text = TEXT_DUNDERS.get(name)
    if text is not None:
        return text(value)
    t: Any = _type(target)
    is_class = t is type or t in SAFE_METACLASSES
    wrap = None if is_class else WRAPPERS.get((t, name))
    if wrap is not None:
        return wrap(target)  # `'%r'.__mod__(f)`: as the operator is
    check = DUNDER_CHECKS.get(name)
    if check is None:
        return value
    mro: tuple[type, ...] = target.__mro__ if is_class else t.__mro__
    owner = _resolve_owner(mro, name)
    if owner is None or SANDBOX_CLASS_MARK in owner.__dict__:
        return value
    checking = _checking(check, value, target, is_class)
    checking.__name__ = checking.__qualname__ = name
    return checking


def _checking(check: Callable[..., None], value: Any, target: Any, on_class: bool) -> types.FunctionType:
    """An operator dunder read from a builtin (`value`, read from `target`) as sandbox code gets it:
    its `DUNDER_CHECKS` pre-check first, unbound (`int.__pow__`) or bound (`(10).__pow__`)."""
    if on_class:

        def unbound(self: Any, *args: Any) -> Any:
            check(self, *args)
            return value(self, *args)

        return unbound

    def bound(*args: Any) -> Any:
        check(target, *args)
        return value(*args)

    return bound


def _checked_constructor(obj: Any, name: str) -> Any:
    """`__new__`/`__init__` found on a builtin data class with a checked constructor (`bytes`,
    `bytearray`, `str`, `range`): that check, bound as CPython would bind the real one."""
    is_class = isinstance(obj, type)
    cls = REAL_OF.get(obj, obj) if is_class else _type(obj)
    owner = _resolve_owner(cls.__mro__, name)
    if owner is None:
        return None
    checked = CONSTRUCTORS.get((owner, name))
    if checked is None:
        return None
    if name == '__new__' or is_class:
        return checked  # `__new__` is a static method; an unbound `__init__` takes `self` first
    return types.MethodType(checked, obj)


# -- reads -------------------------------------------------------------------------------------------
def guarded_getattr(obj: Any, name: str) -> Any:
    """`obj.name` for sandbox code."""
    t: Any = _type(obj)
    if t is super:
        return _super_getattr(obj, name)
    if is_dunder(name):
        return _dunder(obj, name)
    if t is type or t in SAFE_METACLASSES or t is ABCMeta:
        return _class_getattr(obj, name)
    allowed = ALLOWED.get(t)
    if allowed is not None:
        if name in allowed:
            wrap = WRAPPERS.get((t, name))
            return _getattr(obj, name) if wrap is None else wrap(obj)
        if name in names_of(t):
            raise _refused(obj, name)
        if t is types.FunctionType and SANDBOX_GLOBALS_MARK in obj.__globals__ and name in obj.__dict__:
            # Attributes a sandbox decorator set on its own function (`wrapper.calls += 1`, which
            # reads through this guard; the function type is in ALLOWED, with no public names).
            return obj.__dict__[name]
        if is_builtin_exception(t):
            d = obj.__dict__
            if name in d:
                return d[name]  # what the run set on its exception (`err.code = 3`)
        raise _missing(obj, name)
    if t in STANDIN_METAS:
        return _class_getattr(REAL_OF[obj], name)
    if t is SandboxModule:
        d = obj.__dict__
        if not name.startswith('_') and name in d:
            return d[name]
        raise _missing(obj, name)
    cls: Any = t
    if SANDBOX_CLASS_MARK in cls.__dict__:
        owner = _resolve_owner(cls.__mro__, name)
        if owner is None or SANDBOX_CLASS_MARK in owner.__dict__:
            return _getattr(obj, name)  # instance attribute, user-defined, or the user's __getattr__
        return _from_builtin(owner, obj, name, bound=True)
    raise _refused(obj, name)


def _class_getattr(cls: type, name: str) -> Any:
    if name == 'mro':
        return lambda: sandbox_mro(cls)
    allowed = ALLOWED.get(cls)
    if allowed is not None and name in allowed and SANDBOX_CLASS_MARK not in cls.__dict__:
        # A registered host class: its own allow-list, as for its instances (`Fraction.from_float`,
        # its methods inherited from a hidden base included).
        return _from_builtin(cls, cls, name, bound=False)
    owner = _resolve_owner(cls.__mro__, name)
    if owner is None:
        hook = _type(cls).__dict__.get('__getattr__') if _type(cls) in SAFE_METACLASSES else None
        if hook is not None:
            return hook(cls, name)  # the sandbox metaclass's own (enum: members, `AttributeError(name)`)
        raise _missing(cls, name)
    if SANDBOX_CLASS_MARK in owner.__dict__:
        return _getattr(cls, name)
    return _from_builtin(owner, cls, name, bound=False)


# Classes whose methods `super()` may reach: `object`, the builtin data types a sandbox class may
# subclass, builtin exceptions. A host class a sandbox class derives from through a sandbox-marked
# stdlib class (`Fraction`'s CPython base, `_random.Random`) is where the sandbox's checks were added:
# `super(F, F).__new__(F, '1e300000000')` would skip them.
SUPER_BASES: frozenset[type] = frozenset(
    {object, int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset}
)


def _super_getattr(sup: Any, name: str) -> Any:
    """`super().name`: the next class on the MRO that has `name` must be a sandbox class, or one of
    `SUPER_BASES` / a builtin exception (their allow-lists, wrappers and constructor checks apply)."""
    dunder = is_dunder(name)
    if dunder and (name not in SAFE_DUNDERS or name == '__wrapped__'):
        raise _refused(sup, name)
    if name == '__class__':
        return super
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
    if owner is None:
        raise AttributeError(f"'super' object has no attribute '{name}'")
    if SANDBOX_CLASS_MARK in owner.__dict__:
        return _getattr(sup, name)
    if owner not in SUPER_BASES and not is_builtin_exception(owner):
        raise AttributeError(f"super() cannot reach '{owner.__name__}.{name}' in the sandbox")
    if not dunder:
        allowed = ALLOWED.get(owner)
        if allowed is None or name not in allowed:
            raise _refused(sup, name)
        wrap = WRAPPERS.get((owner, name))
        return _getattr(sup, name) if wrap is None else wrap(sup.__self__)
    if name in _CLASS_HOOKS and owner is not object:
        raise _refused(sup, name)
    if name in _CONSTRUCTION:
        checked = CONSTRUCTORS.get((owner, name))
        if checked is not None:
            return checked if name == '__new__' else types.MethodType(checked, sup.__self__)
    value = _getattr(sup, name)
    text = TEXT_DUNDERS.get(name)
    if text is not None:
        return text(value)
    check = DUNDER_CHECKS.get(name)
    if check is None:
        return value
    target = sup.__self__
    return _checking(check, value, target, isinstance(target, type))


# -- writes ------------------------------------------------------------------------------------------
# Metadata a decorator copies onto its wrapper (`wrapper.__name__ = fn.__name__`): strings on a
# sandbox function, which CPython's own setters type-check.
_FUNCTION_METADATA = frozenset({'__name__', '__qualname__', '__doc__', '__module__'})


def _writable(obj: Any, name: str, verb: str) -> None:
    """Refuse a write unless `obj` belongs to the current run: its classes and their instances, its
    functions, exceptions; host classes whose own `__setattr__` validates every write."""
    t = _type(obj)
    if is_dunder(name):
        if (
            name in _FUNCTION_METADATA
            and verb == 'set'
            and t is types.FunctionType
            and SANDBOX_GLOBALS_MARK in obj.__globals__
        ):
            return
        raise AttributeError(f"cannot {verb} the special attribute '{name}' in the sandbox")
    if SANDBOX_CLASS_MARK in t.__dict__:
        if own_class(t):
            return
        raise AttributeError(f"cannot {verb} attributes of '{t.__name__}' objects in the sandbox")
    if t is type or t in SAFE_METACLASSES:
        if SANDBOX_CLASS_MARK in obj.__dict__ and own_class(obj):
            return
        raise AttributeError(f"cannot {verb} attributes of class '{obj.__name__}' in the sandbox")
    if is_builtin_exception(t) or (issubclass(t, BaseException) and t in ALLOWED):
        return  # an exception's attributes are its own data
    if t is types.FunctionType and SANDBOX_GLOBALS_MARK in obj.__globals__:
        return
    if t is SandboxModule or t is types.ModuleType:
        raise AttributeError(f"cannot {verb} attributes of module '{obj.__name__}' in the sandbox")
    if t in ALLOWED and any(k in SELF_GUARDED for k in t.__mro__):
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


def sandbox_getattr(*args: Any) -> Any:
    """The sandbox's `getattr`."""
    if len(args) == 2:
        return guarded_getattr(args[0], _check_name(args[1]))
    if len(args) != 3:
        raise expected('getattr', len(args), 2, 3)
    obj, name, default = args
    name = _check_name(name)
    try:
        return guarded_getattr(obj, name)
    except AttributeError:
        return default


def sandbox_hasattr(*args: Any) -> bool:
    """The sandbox's `hasattr`."""
    if len(args) != 2:
        raise expected('hasattr', len(args), 2, 2)
    obj, name = args
    name = _check_name(name)
    try:
        guarded_getattr(obj, name)
    except AttributeError:
        return False
    return True


def sandbox_setattr(*args: Any) -> None:
    """The sandbox's `setattr`."""
    if len(args) != 3:
        raise expected('setattr', len(args), 3, 3)
    obj, name, value = args
    guarded_setattr(value, obj, _check_name(name))


def sandbox_delattr(*args: Any) -> None:
    """The sandbox's `delattr`."""
    if len(args) != 2:
        raise expected('delattr', len(args), 2, 2)
    obj, name = args
    guarded_delattr(obj, _check_name(name))


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
