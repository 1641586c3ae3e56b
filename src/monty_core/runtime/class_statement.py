"""What a class statement does in the sandbox (`__build_class__`): plain bases only, no metaclasses,
`__match_args__` checked, the class marked as the run's own before any of its hooks run, and a default
repr that shows the run's fake address.
"""

from __future__ import annotations

import builtins as _b
from collections.abc import Callable
from typing import Any

from .classes import (
    REAL_OF,
    SAFE_METACLASSES,
    SANDBOX_CLASS_MARK,
    is_sandbox_class,
    mark_run_class,
    run_token,
)
from .identities import default_repr
from .rendering import BUILTIN_CONTAINER_REPRS, container_repr
from .standins import StandinMeta

_ALLOWED_BASES = frozenset({object, int, float, complex, str, bytes, list, tuple, dict, set, frozenset})

# Host types whose instances may stand in a class statement's bases and resolve through
# `__mro_entries__` (the sandbox typing module's TypedDict/Protocol/Generic forms).
MRO_ENTRY_TYPES: set[type] = set()


def build_class(func: Any, name: str, /, *bases: Any, **kwds: Any) -> type:
    """`__build_class__` for sandbox class statements: plain bases only, then mark the class.

    `func` and `name` are positional-only, as in CPython's: a class keyword argument may be called
    `name` (`class Foo(Plugin, name='foo')`, passed on to `__init_subclass__`).
    """
    if 'metaclass' in kwds:
        raise TypeError('classes with metaclasses are not supported in the sandbox')
    bases = tuple(REAL_OF.get(b, b) if type(b) is StandinMeta else b for b in bases)
    if any(type(b) in MRO_ENTRY_TYPES for b in bases):
        resolved: list[Any] = []
        for b in bases:
            resolved.extend(b.__mro_entries__(bases) if type(b) in MRO_ENTRY_TYPES else (b,))
        bases = tuple(dict.fromkeys(resolved))
    for base in bases:
        if (type(base) is not type and type(base) not in SAFE_METACLASSES) or not (
            is_sandbox_class(base) or base in _ALLOWED_BASES or _is_builtin_exception(base)
        ):
            label = base.__name__ if isinstance(base, type) else type(base).__name__
            raise TypeError(f"cannot subclass '{label}' in the sandbox")
    if kwds and any(getattr(b, '__monty_typed_dict__', False) for b in bases):
        kwds.pop('total', None)  # TypedDict(total=False): only meaningful to the type checker
    # The class is created through `_ClassFinisher`, which marks it in its namespace: `type.__new__`
    # runs the bases' `__init_subclass__` (and `__set_name__`) before `__build_class__` returns, and
    # that user code must already see a sandbox class (`cls.registry = ...` in a plugin base), with its
    # `__match_args__` already checked (a `match` there reads them natively).
    cls = _b.__build_class__(func, name, *bases, metaclass=_ClassFinisher(_winner(bases)), **kwds)
    if type(cls) is not type and type(cls) not in SAFE_METACLASSES:
        type.__delattr__(cls, SANDBOX_CLASS_MARK)
        raise TypeError('metaclasses are not supported in the sandbox')
    try:
        check_match_args(cls)
    except TypeError:
        type.__delattr__(cls, SANDBOX_CLASS_MARK)
        raise
    mark_run_class(cls)
    inherited = _inherited_repr(cls)
    if inherited is _object_repr:
        # CPython's default shows the address: the sandbox's shows the run's fake address instead,
        # wherever C code reaches it (containers, print, %r, f-strings, str()).
        type.__setattr__(cls, '__repr__', default_repr)
    elif inherited in BUILTIN_CONTAINER_REPRS:
        type.__setattr__(cls, '__repr__', container_repr)  # set subclasses: items in canonical order
    return cls


def _winner(bases: tuple[Any, ...]) -> type:
    """The metaclass `__build_class__` would derive from the (checked) bases, with CPython's error."""
    winner: type = type
    for base in bases:
        meta = type(base)
        if issubclass(winner, meta):
            continue
        if issubclass(meta, winner):
            winner = meta
            continue
        raise TypeError(
            'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass '
            'of the metaclasses of all its bases'
        )
    return winner


class _ClassFinisher:
    """Passed as `metaclass=` to `__build_class__` (a non-type metaclass is called as it is): the real
    metaclass's `__prepare__`, then the body's namespace is checked and marked before the class exists."""

    __slots__ = ('meta',)

    def __init__(self, meta: type) -> None:
        self.meta = meta

    def __prepare__(self, name: str, bases: tuple[Any, ...], /, **kwds: Any) -> Any:
        return self.meta.__prepare__(name, bases, **kwds)

    def __call__(self, name: str, bases: tuple[Any, ...], ns: Any, /, **kwds: Any) -> Any:
        _check_namespace_match_args(ns, bases)
        # The mark's value is the run: the class is the run's own (writable by it, and by no other
        # run) from its first hook on.
        token = run_token()
        ns[SANDBOX_CLASS_MARK] = token if token is not None else True
        return self.meta(name, bases, ns, **kwds)


def _check_namespace_match_args(ns: Any, bases: tuple[Any, ...]) -> None:
    """`check_match_args` before the class exists, erring on the side of refusing: a name the body
    does not define must not be defined by any builtin class among the bases' MROs."""

    def builtin_owned(name: str) -> bool:
        return name not in ns and any(
            name in klass.__dict__ and SANDBOX_CLASS_MARK not in klass.__dict__
            for base in bases
            for klass in base.__mro__
        )

    _refuse_match_args(ns.get('__match_args__'), builtin_owned)


_object_repr = object.__repr__


def _inherited_repr(cls: type) -> Any:
    for klass in cls.__mro__:
        if '__repr__' in klass.__dict__:
            return klass.__dict__['__repr__']
    return None


def check_match_args(cls: type) -> None:
    """Refuse a class's `__match_args__` naming special names or a builtin base's attributes: CPython
    reads them natively in `match` class patterns. Run before the class is marked as the sandbox's."""
    _refuse_match_args(cls.__dict__.get('__match_args__'), lambda name: _builtin_owner(cls, name))


def _refuse_match_args(match_args: Any, builtin_owned: Callable[[str], bool]) -> None:
    if match_args is not None and not (
        type(match_args) is tuple
        and all(type(a) is str and not (a.startswith('__') and a.endswith('__')) for a in match_args)
        and not any(builtin_owned(a) for a in match_args)
    ):
        raise TypeError(
            '__match_args__ must name attributes the class defines (not special names or methods of a '
            'builtin base) in the sandbox'
        )


def _builtin_owner(cls: type, name: str) -> bool:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass is not cls and SANDBOX_CLASS_MARK not in klass.__dict__
    return False


def _is_builtin_exception(t: type) -> bool:
    return issubclass(t, BaseException) and t.__module__ == 'builtins'
