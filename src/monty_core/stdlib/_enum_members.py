"""How the sandbox's `enum` turns the body of an enum class into its members: what CPython's
`EnumType.__new__` does, run from the `__init_subclass__` of the run's `Enum`."""

from __future__ import annotations

# pyright: reportAttributeAccessIssue=false, reportCallIssue=false, reportArgumentType=false
from typing import Any

from ..runtime.class_statement import check_match_args
from ..runtime.classes import mark_run_class
from ._support import ticking

_DESCRIPTOR_ATTRS = ('__get__', '__set__', '__delete__')


def _is_descriptor(obj: Any) -> bool:
    return any(hasattr(type(obj), a) for a in _DESCRIPTOR_ATTRS)


def member_type(cls: type) -> Any:
    for klass in cls.__mro__:
        if klass in (int, str, float, bytes, tuple, complex):
            return klass
    return object


def make_members(cls: Any, auto: type, enum: Any, bases: tuple[type, ...]) -> None:
    """Turn the body of the run's enum class `cls` into its members (CPython's `EnumType.__new__`);
    `auto`, `enum` and `bases` are the run's `auto`, `Enum` and enum base classes."""
    _check_extendable(cls, bases)
    ns = dict(cls.__dict__)
    mixin = member_type(cls)
    # Members are made while the class statement runs, before the class builder marks the class
    # as the sandbox's: mark it now (after the builder's own check) so that a user `__init__` can
    # set attributes on its members (`self.mass = mass`, CPython's Planet example).
    check_match_args(cls)
    mark_run_class(cls)
    user_new = _custom_new(cls, ns, mixin, bases)
    user_init = ns.get('__init__')
    names: list[str] = []
    members: dict[str, Any] = {}
    by_value: dict[Any, Any] = {}
    values: list[Any] = []
    # Host code looping over every member (the functional API takes any number): it ticks.
    for key, value in ticking(ns.items()):
        if key.startswith('_') or _is_descriptor(value) or isinstance(value, type):
            continue
        if isinstance(value, auto):
            value = _auto_value(cls, key, value, len(names), values)
        _check_value(cls, value, bases)
        member = _new_member(cls, key, value, mixin, user_new, user_init)
        values.append(value)
        _add_member(key, member, names, members, by_value)
        type.__setattr__(cls, key, members[key])
    if bases[4] in cls.__mro__:  # a Flag: multi-bit and zero members are aliases (3.11)
        names = [n for n in names if _is_one_bit(members[n]._value_)]
    type.__setattr__(cls, '_member_names_', names)
    type.__setattr__(cls, '_member_map_', members)
    type.__setattr__(cls, '_value2member_map_', by_value)
    type.__setattr__(cls, '_member_type_', mixin)
    type.__setattr__(cls, '__new__', enum.__new__)
    _inherit_text_methods(cls, ns, bases)
    if user_init is not None:
        type.__setattr__(cls, '__init__', enum.__init__)


def _is_one_bit(value: Any) -> bool:
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


def _check_value(cls: Any, value: Any, bases: tuple[type, ...]) -> None:
    """A `StrEnum` member's value must be a str (CPython's message)."""
    if bases[3] in cls.__mro__ and not isinstance(value, (str, tuple)):
        raise TypeError(f'{value!r} is not a string')


def _check_extendable(cls: Any, bases: tuple[type, ...]) -> None:
    """An enum class with members cannot be subclassed (CPython's rule and message)."""
    for base in cls.__mro__[1:]:
        if base not in bases and base.__dict__.get('_member_names_'):
            raise TypeError(f'{cls.__name__!r} cannot extend {base.__name__!r}')


def _custom_new(cls: Any, ns: dict[str, Any], mixin: Any, bases: tuple[type, ...]) -> Any:
    """The `__new__` that makes the members: the class's own, or one a user base class defines."""
    user_new = ns.get('__new__')
    if user_new is None:
        for base in cls.__mro__[1:]:
            if base in bases or base is mixin or base is object:
                break
            if '__new__' in base.__dict__:
                user_new = base.__dict__['__new__']
                break
    if isinstance(user_new, staticmethod):
        user_new = user_new.__func__
    return user_new


def _auto_value(cls: Any, key: str, value: Any, count: int, values: list[Any]) -> Any:
    """The value an `auto()` in the class body stands for (generated now unless combined from others)."""
    if value.value is None and value._compute is None:
        value.value = cls._generate_next_value_(key, 1, count, values[:])
    return value._resolved()


def _new_member(cls: Any, key: str, value: Any, mixin: Any, user_new: Any, user_init: Any) -> Any:
    args = value if isinstance(value, tuple) and mixin is not tuple else (value,)
    if user_new is not None:
        member = user_new(cls, *args)
    elif mixin is object:
        member = object.__new__(cls)
    else:
        member = mixin.__new__(cls, *args)
    if not hasattr(member, '_value_'):
        member._value_ = value if mixin is object else mixin(*args)
    member._name_ = key
    if user_init is not None:
        user_init(member, *args)
    return member


def _add_member(
    key: str, member: Any, names: list[str], members: dict[str, Any], by_value: dict[Any, Any]
) -> None:
    """Record `member` under `key`: an alias of the member that has its value already, if any."""
    canonical = None
    try:
        canonical = by_value.get(member._value_)
    except TypeError:
        pass
    if canonical is not None:
        members[key] = canonical
        return
    names.append(key)
    members[key] = member
    try:
        by_value[member._value_] = member
    except TypeError:
        pass


def _inherit_text_methods(cls: Any, ns: dict[str, Any], bases: tuple[type, ...]) -> None:
    """`__repr__`, `__str__`, `__format__` the class does not define: those of its nearest enum base (not
    a mixin's: `class S(str, Enum)` shows as an enum)."""
    for attr in ('__repr__', '__str__', '__format__'):
        if attr not in ns:
            for klass in cls.__mro__:
                if klass in bases and attr in klass.__dict__:
                    type.__setattr__(cls, attr, klass.__dict__[attr])
                    break
