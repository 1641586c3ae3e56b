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

from ..runtime.classes import run_token
from ..runtime.guards import SAFE_METACLASSES, SANDBOX_CLASS_MARK
from ..runtime.hashing import sandbox_hash
from ..runtime.modules import RunContext
from ..runtime.rendering import stable_repr
from ._enum_members import make_members, member_type
from ._support import mark_sandbox_class, of_run_class, ticking


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
    # The classes are made afresh for each run (they are the run's own: its class statements subclass and
    # change them); their methods are the module-level functions below, shared like any host function
    # (`mark_sandbox_class` makes each refuse a `self`/`cls` of another run's or the host's class).
    class auto:
        """Instances are replaced with an appropriate value in Enum class suites."""

        __init__ = _auto_init
        __repr__ = _auto_repr
        _resolved = _auto_resolved

    for name, method in _auto_operators(auto).items():
        type.__setattr__(auto, name, method)

    building = [True]

    class Enum(metaclass=EnumType):
        """Create a collection of name/value pairs (sandbox implementation, see `enum` docs)."""

        _member_names_: list[str] = []
        _member_map_: dict[str, Any] = {}
        _value2member_map_: dict[Any, Any] = {}

        __new__ = _enum_new
        __init__ = _enum_init

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            if not building[0]:
                make_members(cls, auto, Enum, bases)

        _generate_next_value_ = staticmethod(_next_value)
        _missing_ = classmethod(_no_missing)
        __class_getitem__ = _member_by_name
        name = property(_member_name, _refuse_set_name, _refuse_delete_name)
        value = property(_member_value, _refuse_set_value, _refuse_delete_value)
        __repr__ = _enum_repr
        __str__ = _enum_str
        __format__ = _enum_format
        __hash__ = _enum_hash
        __copy__ = _copy_itself
        __deepcopy__ = _deepcopy_itself

    class ReprEnum(Enum):
        """Only changes the repr(), leaving str() and format() to the mixed-in type."""

        __str__ = _mixin_str
        __format__ = _mixin_format

    class IntEnum(int, ReprEnum):
        """Enum where members are also (and must be) ints."""

        __new__ = Enum.__new__  # type: ignore[assignment]

    class StrEnum(str, ReprEnum):
        """Enum where members are also (and must be) strings."""

        __new__ = Enum.__new__  # type: ignore[assignment]
        _generate_next_value_ = staticmethod(_lower_name)

    class Flag(Enum):
        """Support for flags (bitwise combinations of members)."""

        _generate_next_value_ = staticmethod(_next_bit)
        _missing_ = classmethod(_flag_missing)
        _bits = _flag_bits
        __or__ = _flag_or
        __and__ = _flag_and
        __xor__ = _flag_xor
        __ror__ = __or__
        __rand__ = __and__
        __rxor__ = __xor__
        __invert__ = _flag_invert
        __contains__ = _flag_contains
        __iter__ = _flag_iter
        __len__ = _flag_len
        __bool__ = _flag_bool
        __repr__ = _flag_repr
        __str__ = _flag_str

    _FLAG_BASES.add(Flag)

    class IntFlag(int, ReprEnum, Flag):  # type: ignore[misc]
        """Support for integer-based Flags."""

        __new__ = Enum.__new__  # type: ignore[assignment]
        __str__ = int.__repr__  # type: ignore[assignment]
        __format__ = int.__format__  # type: ignore[assignment]
        # (`int` comes first in the MRO: its operators would give plain ints.)
        __or__ = __ror__ = _flag_or  # type: ignore[assignment]
        __and__ = __rand__ = _flag_and  # type: ignore[assignment]
        __xor__ = __rxor__ = _flag_xor  # type: ignore[assignment]
        __invert__ = _flag_invert  # type: ignore[assignment]

    bases = (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag)
    for klass in (auto, *bases):
        klass.__module__ = 'enum'
        mark_sandbox_class(klass)
    building[0] = False

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


# -- auto --------------------------------------------------------------------------------------------
def _auto_init(self: Any) -> None:
    self.value = None
    # CPython's enum dict gives `R = auto()` its value at once, so the body can combine them
    # (`RW = R | W` in a Flag). Here the value comes when the class is built: combining autos
    # makes a deferred one, computed then from its operands (defined earlier, valued first).
    self._compute = None


def _auto_repr(self: Any) -> str:
    return 'auto()'


def _auto_resolved(self: Any) -> Any:
    if self.value is None and self._compute is not None:
        self.value = self._compute()
    return self.value


def _auto_operators(auto: type) -> dict[str, Any]:
    """The bitwise operators of a run's `auto`: they combine into a deferred `auto` of that same class
    (whatever subclass of it the operands are)."""

    def combine(op: Any, left: Any, right: Any) -> Any:
        def value_of(x: Any) -> Any:
            return x._resolved() if isinstance(x, auto) else x

        combined: Any = auto()
        combined._compute = lambda: op(value_of(left), value_of(right))
        return combined

    def __or__(self: Any, other: Any) -> Any:
        return combine(operator.or_, self, other)

    def __ror__(self: Any, other: Any) -> Any:
        return combine(operator.or_, other, self)

    def __and__(self: Any, other: Any) -> Any:
        return combine(operator.and_, self, other)

    def __rand__(self: Any, other: Any) -> Any:
        return combine(operator.and_, other, self)

    def __xor__(self: Any, other: Any) -> Any:
        return combine(operator.xor, self, other)

    def __rxor__(self: Any, other: Any) -> Any:
        return combine(operator.xor, other, self)

    return {
        '__or__': __or__,
        '__ror__': __ror__,
        '__and__': __and__,
        '__rand__': __rand__,
        '__xor__': __xor__,
        '__rxor__': __rxor__,
    }


# -- Enum: calling the class ---------------------------------------------------------------------------
@of_run_class  # (`__new__` is a staticmethod: `mark_sandbox_class` leaves it as it is)
def _enum_new(
    cls: Any,
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
        return _functional(cls, value, names, module, qualname, type, start)
    return _lookup(cls, value)


def _enum_init(self: Any, *args: Any, **kwargs: Any) -> None:
    pass


def _functional(cls: Any, name: Any, names: Any, module: Any, qualname: Any, mixin: Any, start: int) -> Any:
    """`Enum('Color', 'RED GREEN')`, CPython's functional API: names as a string (space or comma
    separated), a sequence of names or of (name, value) pairs, or a mapping."""
    if cls._member_names_:
        raise TypeError(f'{cls.__name__} cannot extend {cls!r}')
    if not isinstance(name, str):
        raise TypeError(f'{cls.__name__}() expected a class name (str), got {name!r}')
    pairs = _member_pairs(cls, names, start)
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


def _member_pairs(cls: Any, names: Any, start: int) -> list[Any]:
    """The (name, value) pairs the functional API was given: values counted from `start` (powers of two
    for a flag) when only names are."""
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    flag = any(klass in _FLAG_BASES for klass in cls.__mro__)
    if isinstance(names, dict):
        return list(names.items())
    items = list(names)
    if items and all(isinstance(item, str) for item in items):
        return [(n, 1 << i if flag else start + i) for i, n in enumerate(items)]
    return [tuple(item) for item in items]


def _lookup(cls: Any, value: Any = None) -> Any:
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


# -- Enum: members -----------------------------------------------------------------------------------
def _next_value(name: str, start: int, count: int, last_values: list[Any]) -> Any:
    for v in reversed(last_values):
        try:
            return v + 1
        except TypeError:
            continue
    return start


def _no_missing(cls: Any, value: Any) -> Any:
    return None


def _member_by_name(cls: Any, name: Any) -> Any:
    return cls._member_map_[name]


def _member_name(self: Any) -> Any:
    return self._name_


def _refuse_set_name(self: Any, value: Any) -> None:
    raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")  # CPython 3.11's message


def _refuse_delete_name(self: Any) -> None:
    raise AttributeError("<enum 'Enum'> cannot delete attribute 'name'")


def _member_value(self: Any) -> Any:
    return self._value_


def _refuse_set_value(self: Any, value: Any) -> None:
    raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")


def _refuse_delete_value(self: Any) -> None:
    raise AttributeError("<enum 'Enum'> cannot delete attribute 'value'")


def _enum_repr(self: Any) -> str:
    mixin = member_type(type(self))
    value = mixin.__repr__(self._value_) if mixin is not object else stable_repr(self._value_)
    return f'<{type(self).__name__}.{self._name_}: {value}>'


def _enum_str(self: Any) -> str:
    return f'{type(self).__name__}.{self._name_}'


def _enum_format(self: Any, spec: str) -> str:
    return format(str(self), spec)


def _enum_hash(self: Any) -> int:
    return sandbox_hash(self._name_)  # the same in every process (runtime/hashing.py)


def _copy_itself(self: Any) -> Any:
    return self  # a member is its own copy


def _deepcopy_itself(self: Any, memo: Any) -> Any:
    return self


def _mixin_str(self: Any) -> str:
    mixin = member_type(type(self))
    return mixin.__repr__(self) if mixin in (int, float, complex) else mixin.__str__(self)


def _mixin_format(self: Any, spec: str) -> str:
    return member_type(type(self)).__format__(self, spec)


def _lower_name(name: str, start: int, count: int, last_values: list[Any]) -> Any:
    return name.lower()


# -- Flag --------------------------------------------------------------------------------------------
def _next_bit(name: str, start: int, count: int, last_values: list[Any]) -> Any:
    if not last_values:
        return start
    high = max(v for v in last_values if isinstance(v, int))
    return 1 << high.bit_length() if high else 1


def _single_bit_names(cls: Any, value: int) -> list[str]:
    """The canonical members of flag class `cls` that are one bit, set in `value`."""
    return [
        n
        for n in cls._member_names_
        if cls._member_map_[n]._value_
        and (cls._member_map_[n]._value_ & value) == cls._member_map_[n]._value_
        and bin(cls._member_map_[n]._value_).count('1') == 1
    ]


def _all_bits(cls: Any) -> int:
    all_bits = 0
    for m in cls._member_map_.values():
        all_bits |= m._value_
    return all_bits


def _flag_missing(cls: Any, value: Any) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    all_bits = _all_bits(cls)
    mixin = member_type(cls)
    if ~all_bits <= value < 0:
        value = all_bits + 1 + value  # (3.11: a negative value counts down from all the bits)
    extra = value & ~all_bits  # bits no member has: kept by an `IntFlag` (3.11's KEEP boundary)
    if value < 0 or (extra and mixin is not int):
        _strict_flag_error(cls, value, all_bits)
    names = _single_bit_names(cls, value)
    if names and extra:
        names.append(str(extra))
    pseudo = object.__new__(cls) if mixin is object else mixin.__new__(cls, value)
    pseudo._value_ = value
    pseudo._name_ = '|'.join(names) if names else None
    cls._value2member_map_[value] = pseudo
    return pseudo


def _bin(num: int, max_bits: int) -> str:
    """CPython 3.11's `enum.bin`: `0b0 1000`, padded to `max_bits` digits."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = s[:3], s[3:]
    if len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return f'{sign} {digits}'


def _strict_flag_error(cls: Any, value: int, all_bits: int) -> None:
    """A `Flag` (3.11's STRICT boundary) refuses a value with bits no member has, as CPython says it."""
    max_bits = max(value.bit_length(), all_bits.bit_length())
    raise ValueError(
        f'{cls!r} invalid value {value!r}\n    given {_bin(value, max_bits)}\n  allowed {_bin(all_bits, max_bits)}'
    )


def _flag_bits(self: Any, other: Any) -> int:
    if isinstance(other, type(self)):
        return other._value_
    if member_type(type(self)) is int and isinstance(other, int):
        return other
    raise TypeError(
        f"unsupported operand type(s) for |: '{type(self).__name__}' and '{type(other).__name__}'"
    )


def _flag_or(self: Any, other: Any) -> Any:
    return type(self)(self._value_ | self._bits(other))


def _flag_and(self: Any, other: Any) -> Any:
    return type(self)(self._value_ & self._bits(other))


def _flag_xor(self: Any, other: Any) -> Any:
    return type(self)(self._value_ ^ self._bits(other))


def _flag_invert(self: Any) -> Any:
    return type(self)(_all_bits(type(self)) & ~self._value_)


def _flag_contains(self: Any, other: Any) -> bool:
    if not isinstance(other, type(self)):
        raise TypeError(
            f"unsupported operand type(s) for 'in': '{type(other).__name__}' and '{type(self).__name__}'"
        )
    return other._value_ & self._value_ == other._value_


def _flag_iter(self: Any) -> Any:
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


def _flag_len(self: Any) -> int:
    return bin(self._value_).count('1')


def _flag_bool(self: Any) -> bool:
    return bool(self._value_)


# A pseudo-member without a name (the empty flag, `Perm(0)`) shows as CPython 3.11's: `<Perm: 0>` and
# `Perm(0)`.
def _flag_repr(self: Any) -> str:
    if self._name_ is None:
        return f'<{type(self).__name__}: {self._value_!r}>'
    return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'


def _flag_str(self: Any) -> str:
    if self._name_ is None:
        return f'{type(self).__name__}({self._value_!r})'
    return f'{type(self).__name__}.{self._name_}'
