"""The runtime side of compiler/patterns.py: the holder of a match statement's dotted names, and the
pattern that lets a class pattern read a subject's attributes only when its type is open."""

from __future__ import annotations

from typing import Any

from greenlet import getcurrent

from .guards import open_types

_HOLDER_SIZE = 256  # compiler/patterns.py HOLDER_SIZE


class PatternValues:
    """`_m_vals(a, b, ...)`: the dotted names of one match statement, read by its patterns as
    `_m_pvN.v0`, `_m_pvN.v1`, ... (a pattern can only name a value by a dotted name)."""

    __slots__ = tuple(f'v{i}' for i in range(_HOLDER_SIZE))

    def __init__(self, *values: Any) -> None:
        setter = object.__setattr__
        for i, value in enumerate(values):
            setter(self, f'v{i}', value)


class _OpenMeta(type):
    def __instancecheck__(cls, subject: Any) -> bool:
        ids = getattr(getcurrent(), 'identities', None)
        return type(subject) in (ids.open if ids is not None else open_types())


class OpenSubject(dict, metaclass=_OpenMeta):  # type: ignore[type-arg]
    """`_m_Open(P)`: matches when the subject's type is open and it matches `P` (a dict subclass, so
    CPython matches its one positional sub-pattern against the subject itself)."""

    __slots__ = ()

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        raise TypeError('this pattern class cannot be instantiated')
