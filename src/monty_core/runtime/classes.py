"""Which classes are the sandbox's, and which classes sandbox code may be handed.

- Sandbox classes carry `SANDBOX_CLASS_MARK` (set by `build_class` or `mark_run_class`); its value is
  the run that made the class (`run_token()`), the only run that may write to it.
- Stand-ins: builtin classes the sandbox sees through a class of its own (`type`, `bytes`, `range`,
  `abc.ABCMeta`), set up by builtins.py.
- Hidden classes: host classes the sandbox wraps or replaces (`replace_class`), never handed out.
- `sandbox_type_of` / `sandbox_class` / `sandbox_mro`: what `type(x)`, stdlib results and `mro()` show.
"""

from __future__ import annotations

from abc import ABCMeta
from typing import Any

from greenlet import getcurrent

from ..hooks import SANDBOX_GLOBALS
from .allowlists import ALLOWED

SANDBOX_CLASS_MARK = '__monty_class__'
SANDBOX_GLOBALS_MARK = SANDBOX_GLOBALS

_type = type

# The sandbox's stand-in for the class `type` (set by builtins.py): `x.__class__` of a class gives it.
SANDBOX_TYPE: list[Any] = [type]

# Builtin classes the sandbox sees through a stand-in class (set by builtins.py): real -> stand-in
# (`type(b'')` is the sandbox's `bytes`), and stand-in -> real (attribute reads on the stand-in).
STANDINS: dict[type, Any] = {}
REAL_OF: dict[Any, type] = {}
STANDIN_METAS: set[type] = set()

# Host classes the sandbox wraps with a checked subclass or replaces with its own (CPython's
# `fractions.Fraction` behind the sandbox's, `random.Random`, `collections.deque`, ...): never handed
# out by `mro()`, `__mro__`, `__bases__` or a stdlib function (`typing.get_origin`), never reached by
# `super()`. `REPLACED` maps each to the sandbox's class where there is one.
HIDDEN_CLASSES: set[type] = set()
REPLACED: dict[type, type] = {}


def replace_class(host: type, sandbox: type) -> None:
    """Record that sandbox code sees `sandbox` wherever CPython would hand out `host`."""
    HIDDEN_CLASSES.add(host)
    REPLACED[host] = sandbox


def is_sandbox_class(t: type) -> bool:
    """Whether `t` was made by the class builder (or is a stdlib class marked to behave as one)."""
    return SANDBOX_CLASS_MARK in t.__dict__


# Metaclasses the sandbox's own modules use for sandbox classes (enum's `EnumType`). Their instances
# are classes and are guarded as such; sandbox code never sees the metaclass itself (`type(Color)` is
# the sandbox's `type`, which cannot create classes).
SAFE_METACLASSES: set[type] = set()


def is_class_object(obj: Any) -> bool:
    """Whether `obj` is a class: an instance of `type`, `ABCMeta` or a metaclass in SAFE_METACLASSES."""
    t = _type(obj)
    return t is type or t in SAFE_METACLASSES or t is ABCMeta


# -- the run's own objects -------------------------------------------------------------------------
def run_token() -> Any:
    """The current run's identity (its `Identities`, shared by a REPL's snippets), or None outside a
    run. A class the run builds carries it as its mark's value: only that run may write to it."""
    return getattr(getcurrent(), 'identities', None)


def mark_run_class(cls: type) -> type:
    """Mark `cls` as a sandbox class of the current run (writable by it alone); outside a run, as a
    per-process sandbox-like class, which no run can write."""
    token = run_token()
    type.__setattr__(cls, SANDBOX_CLASS_MARK, token if token is not None else True)
    if token is not None:
        token.add_class(cls)
    return cls


def is_run_class(cls: Any) -> bool:
    """Whether class `cls` was made by the current run (its class statements, or the stdlib on its
    behalf): the only classes sandbox code, and stdlib code acting for it, may change."""
    return isinstance(cls, type) and own_class(cls)


def own_class(cls: Any) -> bool:
    """Whether class `cls` was made by the current run."""
    token = cls.__dict__.get(SANDBOX_CLASS_MARK)
    return token is not None and token is not True and token is run_token()


def known_bases(cls: type) -> bool:
    """Whether every class on `cls`'s MRO is a sandbox class or a registered type."""
    return all(
        SANDBOX_CLASS_MARK in k.__dict__ or k in ALLOWED or is_builtin_exception(k) for k in cls.__mro__
    )


def sandbox_type_of(obj: Any) -> type:
    """`type(obj)` as sandbox code sees it."""
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


def visible_class(cls: Any) -> bool:
    """Whether sandbox code may be handed class `cls` by `mro()`, `__mro__`, `__bases__`, `__base__`."""
    if cls in HIDDEN_CLASSES:
        return False
    return SANDBOX_CLASS_MARK in cls.__dict__ or cls in ALLOWED or is_builtin_exception(cls)


def sandbox_class(value: Any) -> Any:
    """`value`, about to be handed to sandbox code by stdlib code, as sandbox code may hold it: `type`
    and metaclasses become the sandbox's `type`, replaced and stood-in classes their sandbox class;
    a class the sandbox does not know is refused. Tuples and lists (of `typing.get_args`) item by item."""
    t = _type(value)
    if t is tuple or t is list:
        return t(sandbox_class(v) for v in value)
    if not isinstance(value, type):
        return value
    if value is type or issubclass(value, type):
        return SANDBOX_TYPE[0]
    known = REPLACED.get(value) or STANDINS.get(value)
    if known is not None:
        return known
    if visible_class(value):
        return value
    raise TypeError(f"the class '{value.__qualname__}' is not available in the sandbox")


def sandbox_mro(cls: type) -> list[Any]:
    """`cls.mro()` without the host classes sandbox code must not be handed (stand-ins for the ones
    it sees through one: `bytes`, `range`)."""
    out: list[Any] = []
    for klass in cls.__mro__:
        standin = STANDINS.get(klass) if _type(klass) is type else None
        if standin is not None and standin is not SANDBOX_TYPE[0]:
            out.append(standin)
        elif visible_class(klass):
            out.append(klass)
    return list(dict.fromkeys(out))


def is_builtin_exception(cls: Any) -> bool:
    """Whether `cls` is one of CPython's builtin exception classes."""
    return isinstance(cls, type) and issubclass(cls, BaseException) and cls.__module__ == 'builtins'
