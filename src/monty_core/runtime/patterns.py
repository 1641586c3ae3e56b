"""The runtime side of compiler/patterns.py: the holder of a match statement's dotted names, and the
patterns that decide, by the subject's exact type, whether a class pattern may read its attributes.

`case Point(x=0, y=y)` becomes `case _m_pv1.v0(Point(x=0, y=y))`, where `v0` is
`_m_class_pattern(Point, ('x', 'y'), 0)`: a pattern class that matches the subject itself (it is a `dict`
subclass, so CPython matches its one positional sub-pattern against the subject) once it has decided
that CPython may read those attributes natively:

- a subject that is not a `Point` does not match (as in CPython);
- a subject of an open type (runtime/plain_reads.py `open_types`, the run's classes) is read natively;
- any other subject has each attribute read through the guard first: a refused one raises the
  guard's `AttributeError` (a leaked host object is a dead end), a missing one fails the match, and
  one the guard hands out differently (a size-checked wrapper) is refused.
"""

from __future__ import annotations

import weakref
from typing import Any

from greenlet import getcurrent

from .allowlists import WRAPPERS
from .guards import _refused, guarded_getattr
from .plain_reads import open_types

_HOLDER_SIZE = 256  # compiler/patterns.py HOLDER_SIZE
_MATCH_SELF = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)


class PatternValues:
    """`_m_pattern_values(a, b, ...)`: the values of one match statement's patterns, read as `_m_pvN.v0`,
    `_m_pvN.v1`, ... (a pattern can only name a value by a dotted name)."""

    __slots__ = tuple(f'v{i}' for i in range(_HOLDER_SIZE))

    def __init__(self, *values: Any) -> None:
        setter = object.__setattr__
        for i, value in enumerate(values):
            setter(self, f'v{i}', value)


def _open() -> Any:
    ids = getattr(getcurrent(), 'identities', None)
    return ids.open if ids is not None else open_types()


class _MatchForMeta(type):
    target: Any
    names: tuple[str, ...]
    positional: int

    def __instancecheck__(cls, subject: Any) -> bool:
        target = cls.target
        if not isinstance(target, type):
            raise TypeError('called match pattern must be a class')
        if not isinstance(subject, target):
            return False
        t = type(subject)
        if t in _open():
            return True
        for name in cls.names + _positional_names(target, cls.positional):
            try:
                value = guarded_getattr(subject, name)
            except AttributeError as e:
                if (
                    e.args
                    and isinstance(e.args[0], str)
                    and e.args[0].endswith('is not allowed in the sandbox')
                ):
                    raise
                return False  # missing: CPython's read fails, and so does the match
            if (t, name) in WRAPPERS or getattr(subject, name, None) is not value:
                raise _refused(subject, name)  # the guard hands out something else than CPython reads
        return True


def _positional_names(target: type, count: int) -> tuple[str, ...]:
    """The attributes `count` positional sub-patterns read (`__match_args__`), as CPython resolves it."""
    if not count:
        return ()
    match_args = getattr(target, '__match_args__', None)
    if match_args is None:
        if count == 1 and issubclass(target, _MATCH_SELF):
            return ()  # `int(x)`: the subject itself
        return ()  # CPython raises its own TypeError (too many positional sub-patterns)
    if type(match_args) is not tuple:
        return ()  # CPython raises its own TypeError
    return tuple(n for n in match_args[:count] if type(n) is str)


_PATTERNS: weakref.WeakKeyDictionary[Any, dict[tuple[tuple[str, ...], int], type]] = (
    weakref.WeakKeyDictionary()
)


def match_for(target: Any, names: tuple[str, ...], positional: int) -> type:
    """`_m_class_pattern(Cls, names, positional)`: the pattern class deciding whether `Cls(...)` may read
    `names` (and `positional` attributes by `__match_args__`) of a subject (see the module docstring)."""
    try:
        by_names = _PATTERNS.setdefault(target, {})
    except TypeError:  # not weak-referenceable (not a class): CPython's own error, when it matches
        by_names = {}
    key = (names, positional)
    pattern = by_names.get(key)
    if pattern is None:
        pattern = _MatchForMeta('ClassPattern', (dict,), {'__slots__': ()})
        pattern.target, pattern.names, pattern.positional = target, names, positional
        by_names[key] = pattern
    return pattern
