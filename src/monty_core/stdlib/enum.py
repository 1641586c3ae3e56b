"""`enum` in the sandbox, reimplemented.

The sandbox's class builder only makes plain classes (no metaclasses), so `Enum` and its kin are
per-run sandbox classes whose `__init_subclass__` does the metaclass's work: `class Color(Enum): RED = 1`
turns the body's values into members (`Color.RED.name`, `.value`, `Color(1)`, `Color['RED']`, aliases,
`auto()`, `_missing_`, custom `__new__`/`__init__`, mixins such as `class S(str, Enum)`), plus `IntEnum`,
`StrEnum`, `Flag`, `IntFlag` and `unique`. The classes' metaclass `EnumType` (a registered safe
metaclass) gives iteration, `len()`, `in` and `__members__`. The functional API
(`Enum('Color', 'RED GREEN')`) builds the class directly.
"""

from __future__ import annotations

# pyright: reportAttributeAccessIssue=false, reportCallIssue=false, reportArgumentType=false
import operator
import weakref
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from ..runtime.builtins import check_match_args
from ..runtime.guards import SAFE_METACLASSES, SANDBOX_CLASS_MARK, mark_run_class, run_token
from ..runtime.modules import RunContext
from ..runtime.stable import sandbox_hash, stable_repr
from ._support import mark_sandbox_class, ticking

_DESCRIPTOR_ATTRS = ('__get__', '__set__', '__delete__')


def _is_descriptor(obj: Any) -> bool:
    return any(hasattr(type(obj), a) for a in _DESCRIPTOR_ATTRS)


class EnumType(type):
    """The metaclass of sandbox enums: iteration, `len()`, `in` and `__members__` on the class.

    Registered as a safe metaclass: sandbox code sees it as `type` and cannot call it to make classes.
    """

    def __iter__(cls) -> Iterator[Any]:
        return (cls._member_map_[name] for name in list(cls._member_names_))

    def __reversed__(cls) -> Iterator[Any]:
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls) -> int:
        return len(cls._member_names_)

    def __contains__(cls, value: Any) -> bool:
        if type(type(value)) is not EnumType:
            # CPython 3.11's message (3.12 returns whether it is a member's value instead).
            raise TypeError(
                f"unsupported operand type(s) for 'in': '{type(value).__qualname__}' and 'EnumType'"
            )
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __bool__(cls) -> bool:
        return True

    @property
    def __members__(cls) -> MappingProxyType[str, Any]:
        return MappingProxyType(dict(cls._member_map_))

    # CPython's `EnumType` messages: a missing name is `AttributeError(name)`, members cannot be
    # reassigned, and the class repr is `<enum 'Color'>` / `<flag 'Perm'>`.
    def __getattr__(cls, name: str) -> Any:
        raise AttributeError(name)

    def __setattr__(cls, name: str, value: Any) -> None:
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __repr__(cls) -> str:
        flag = any(klass in _FLAG_BASES for klass in cls.__mro__)
        return f'<{"flag" if flag else "enum"} {cls.__name__!r}>'


SAFE_METACLASSES.add(EnumType)
_MIXINS = (int, str, float, bytes)
_FLAG_BASES: weakref.WeakSet[type] = weakref.WeakSet()  # each run's `Flag`


def _enum_factory(ctx: RunContext) -> dict[str, Any]:
    class auto:
        """Instances are replaced with an appropriate value in Enum class suites."""

        def __init__(self) -> None:
            self.value: Any = None
            # CPython's enum dict gives `R = auto()` its value at once, so the body can combine them
            # (`RW = R | W` in a Flag). Here the value comes when the class is built: combining autos
            # makes a deferred one, computed then from its operands (defined earlier, valued first).
            self._compute: Any = None

        def __repr__(self) -> str:
            return 'auto()'

        def _resolved(self) -> Any:
            if self.value is None and self._compute is not None:
                self.value = self._compute()
            return self.value

        def __or__(self, other: Any) -> Any:
            return _combine(operator.or_, self, other)

        def __ror__(self, other: Any) -> Any:
            return _combine(operator.or_, other, self)

        def __and__(self, other: Any) -> Any:
            return _combine(operator.and_, self, other)

        def __rand__(self, other: Any) -> Any:
            return _combine(operator.and_, other, self)

        def __xor__(self, other: Any) -> Any:
            return _combine(operator.xor, self, other)

        def __rxor__(self, other: Any) -> Any:
            return _combine(operator.xor, other, self)

    def _combine(op: Any, left: Any, right: Any) -> auto:
        def value_of(x: Any) -> Any:
            return x._resolved() if isinstance(x, auto) else x

        combined = auto()
        combined._compute = lambda: op(value_of(left), value_of(right))
        return combined

    building = [True]

    def functional(
        cls: Any, name: Any, names: Any, module: Any, qualname: Any, mixin: Any, start: int
    ) -> Any:
        """`Enum('Color', 'RED GREEN')`, CPython's functional API: names as a string (space or comma
        separated), a sequence of names or of (name, value) pairs, or a mapping."""
        if cls._member_names_:
            raise TypeError(f'{cls.__name__} cannot extend {cls!r}')
        if not isinstance(name, str):
            raise TypeError(f'{cls.__name__}() expected a class name (str), got {name!r}')
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        flag = any(klass in _FLAG_BASES for klass in cls.__mro__)
        if isinstance(names, dict):
            pairs = list(names.items())
        else:
            items = list(names)
            if items and all(isinstance(item, str) for item in items):
                pairs = [(n, 1 << i if flag else start + i) for i, n in enumerate(items)]
            else:
                pairs = [tuple(item) for item in items]
        namespace: dict[str, Any] = {
            '__module__': module if module is not None else '__main__',
            '__qualname__': qualname if qualname is not None else name,
            SANDBOX_CLASS_MARK: run_token() or True,
        }
        for member, member_value in ticking(pairs):
            if not isinstance(member, str) or member.startswith('_'):
                raise ValueError(f'invalid enum member name: {member!r}')
            namespace[member] = member_value
        if mixin is not None and mixin not in _MIXINS and SANDBOX_CLASS_MARK not in vars(mixin):
            # The class is made here, not by the sandbox's class builder, which checks bases.
            raise TypeError(f'type= must be int, str, float, bytes or a sandbox class, not {mixin!r}')
        bases = (cls,) if mixin is None else (mixin, cls)
        return EnumType(name, bases, namespace)

    def lookup(cls: Any, value: Any = None) -> Any:
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(
                f'error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member'
            )
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    class Enum(metaclass=EnumType):
        """Create a collection of name/value pairs (sandbox implementation, see `enum` docs)."""

        _member_names_: list[str] = []
        _member_map_: dict[str, Any] = {}
        _value2member_map_: dict[Any, Any] = {}

        def __new__(
            cls,
            value: Any = None,
            names: Any = None,
            *,
            module: Any = None,
            qualname: Any = None,
            type: Any = None,  # CPython's keyword name (shadows the builtin here)
            start: int = 1,
            boundary: Any = None,
        ) -> Any:
            if names is not None:
                return functional(cls, value, names, module, qualname, type, start)
            return lookup(cls, value)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            if not building[0]:
                _make_members(cls)

        @staticmethod
        def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> Any:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    continue
            return start

        @classmethod
        def _missing_(cls, value: Any) -> Any:
            return None

        def __class_getitem__(cls, name: Any) -> Any:
            return cls._member_map_[name]

        @property
        def name(self) -> Any:
            return self._name_

        @name.setter
        def name(self, value: Any) -> None:
            raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")  # CPython 3.11's message

        @name.deleter
        def name(self) -> None:
            raise AttributeError("<enum 'Enum'> cannot delete attribute 'name'")

        @property
        def value(self) -> Any:
            return self._value_

        @value.setter
        def value(self, value: Any) -> None:
            raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")

        @value.deleter
        def value(self) -> None:
            raise AttributeError("<enum 'Enum'> cannot delete attribute 'value'")

        def __repr__(self) -> str:
            mixin = _member_type(type(self))
            value = mixin.__repr__(self._value_) if mixin is not object else stable_repr(self._value_)
            return f'<{type(self).__name__}.{self._name_}: {value}>'

        def __str__(self) -> str:
            return f'{type(self).__name__}.{self._name_}'

        def __format__(self, spec: str) -> str:
            return format(str(self), spec)

        def __hash__(self) -> int:
            return sandbox_hash(self._name_)  # the same in every process (runtime/stable.py)

        def __copy__(self) -> Any:
            return self

        def __deepcopy__(self, memo: Any) -> Any:
            return self

    class ReprEnum(Enum):
        """Only changes the repr(), leaving str() and format() to the mixed-in type."""

        def __str__(self) -> str:
            mixin = _member_type(type(self))
            return mixin.__repr__(self) if mixin in (int, float, complex) else mixin.__str__(self)

        def __format__(self, spec: str) -> str:
            return _member_type(type(self)).__format__(self, spec)

    class IntEnum(int, ReprEnum):
        """Enum where members are also (and must be) ints."""

        __new__ = Enum.__new__  # type: ignore[assignment]

    class StrEnum(str, ReprEnum):
        """Enum where members are also (and must be) strings."""

        __new__ = Enum.__new__  # type: ignore[assignment]

        @staticmethod
        def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> Any:
            return name.lower()

    class Flag(Enum):
        """Support for flags (bitwise combinations of members)."""

        @staticmethod
        def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> Any:
            if not last_values:
                return start
            high = max(v for v in last_values if isinstance(v, int))
            return 1 << high.bit_length() if high else 1

        @classmethod
        def _missing_(cls, value: Any) -> Any:
            if not isinstance(value, int) or isinstance(value, bool):
                return None
            all_bits = 0
            for m in cls._member_map_.values():
                all_bits |= m._value_
            if value < 0 or value & ~all_bits:
                return None
            names = [
                n
                for n in cls._member_names_
                if cls._member_map_[n]._value_
                and (cls._member_map_[n]._value_ & value) == cls._member_map_[n]._value_
                and bin(cls._member_map_[n]._value_).count('1') == 1
            ]
            mixin = _member_type(cls)
            pseudo = object.__new__(cls) if mixin is object else mixin.__new__(cls, value)
            pseudo._value_ = value
            pseudo._name_ = '|'.join(names) if names else None
            cls._value2member_map_[value] = pseudo
            return pseudo

        def _bits(self, other: Any) -> int:
            if isinstance(other, type(self)):
                return other._value_
            if _member_type(type(self)) is int and isinstance(other, int):
                return other
            raise TypeError(
                f"unsupported operand type(s) for |: '{type(self).__name__}' and '{type(other).__name__}'"
            )

        def __or__(self, other: Any) -> Any:
            return type(self)(self._value_ | self._bits(other))

        def __and__(self, other: Any) -> Any:
            return type(self)(self._value_ & self._bits(other))

        def __xor__(self, other: Any) -> Any:
            return type(self)(self._value_ ^ self._bits(other))

        __ror__ = __or__
        __rand__ = __and__
        __rxor__ = __xor__

        def __invert__(self) -> Any:
            all_bits = 0
            for m in type(self)._member_map_.values():
                all_bits |= m._value_
            return type(self)(all_bits & ~self._value_)

        def __contains__(self, other: Any) -> bool:
            if not isinstance(other, type(self)):
                raise TypeError(
                    f"unsupported operand type(s) for 'in': '{type(other).__name__}' and "
                    f"'{type(self).__name__}'"
                )
            return other._value_ & self._value_ == other._value_

        def __iter__(self) -> Any:
            cls = type(self)
            return iter(
                [
                    cls._member_map_[n]
                    for n in cls._member_names_
                    if cls._member_map_[n]._value_
                    and bin(cls._member_map_[n]._value_).count('1') == 1
                    and cls._member_map_[n]._value_ & self._value_
                ]
            )

        def __len__(self) -> int:
            return bin(self._value_).count('1')

        def __bool__(self) -> bool:
            return bool(self._value_)

        # A pseudo-member without a name (the empty flag, `Perm(0)`) shows as CPython 3.11's:
        # `<Perm: 0>` and `Perm(0)`.
        def __repr__(self) -> str:
            if self._name_ is None:
                return f'<{type(self).__name__}: {self._value_!r}>'
            return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

        def __str__(self) -> str:
            if self._name_ is None:
                return f'{type(self).__name__}({self._value_!r})'
            return f'{type(self).__name__}.{self._name_}'

    _FLAG_BASES.add(Flag)

    class IntFlag(int, ReprEnum, Flag):  # type: ignore[misc]
        """Support for integer-based Flags."""

        __new__ = Enum.__new__  # type: ignore[assignment]
        __str__ = int.__repr__  # type: ignore[assignment]
        __format__ = int.__format__  # type: ignore[assignment]

    bases = (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag)
    for klass in (auto, *bases):
        klass.__module__ = 'enum'
        mark_sandbox_class(klass)
    building[0] = False

    def _member_type(cls: type) -> Any:
        for klass in cls.__mro__:
            if klass in (int, str, float, bytes, tuple, complex):
                return klass
        return object

    def _make_members(cls: Any) -> None:
        for base in cls.__mro__[1:]:
            if base not in bases and base.__dict__.get('_member_names_'):
                raise TypeError(f'{cls.__name__!r} cannot extend {base.__name__!r}')
        ns = dict(cls.__dict__)
        mixin = _member_type(cls)
        # Members are made while the class statement runs, before the class builder marks the class
        # as the sandbox's: mark it now (after the builder's own check) so that a user `__init__` can
        # set attributes on its members (`self.mass = mass`, CPython's Planet example).
        check_match_args(cls)
        mark_run_class(cls)
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
                if value.value is None and value._compute is None:
                    value.value = cls._generate_next_value_(key, 1, len(names), values[:])
                value = value._resolved()
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
            values.append(value)
            canonical = None
            try:
                canonical = by_value.get(member._value_)
            except TypeError:
                pass
            if canonical is not None:
                members[key] = canonical
            else:
                names.append(key)
                members[key] = member
                try:
                    by_value[member._value_] = member
                except TypeError:
                    pass
            type.__setattr__(cls, key, members[key])
        type.__setattr__(cls, '_member_names_', names)
        type.__setattr__(cls, '_member_map_', members)
        type.__setattr__(cls, '_value2member_map_', by_value)
        type.__setattr__(cls, '_member_type_', mixin)
        type.__setattr__(cls, '__new__', Enum.__new__)
        for attr in ('__repr__', '__str__', '__format__'):
            if attr not in ns:
                for klass in cls.__mro__:
                    if klass in bases and attr in klass.__dict__:
                        type.__setattr__(cls, attr, klass.__dict__[attr])
                        break
        if user_init is not None:
            type.__setattr__(cls, '__init__', Enum.__init__)

    def unique(enumeration: Any) -> Any:
        duplicates = [(name, m._name_) for name, m in enumeration._member_map_.items() if name != m._name_]
        if duplicates:
            details = ', '.join(f'{alias} -> {name}' for alias, name in duplicates)
            raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
        return enumeration

    return {
        'Enum': Enum,
        'ReprEnum': ReprEnum,
        'IntEnum': IntEnum,
        'StrEnum': StrEnum,
        'Flag': Flag,
        'IntFlag': IntFlag,
        'auto': auto,
        'unique': unique,
    }
