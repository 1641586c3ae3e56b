"""`BigRange`: the sandbox's stand-in for a range too long for C code to drain unmetered."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from typing import Any

from .memory import CURRENT, item_cap

_range = range
_type = type


BIG_RANGE = 1 << 20  # ranges longer than this are BigRange stand-ins with metered iteration


def range_length(r: range) -> int:
    """`len(r)`, also for a range longer than `sys.maxsize` (whose `len()` raises `OverflowError`)."""
    try:
        return len(r)
    except OverflowError:
        if r.step > 0:
            return (r.stop - r.start + r.step - 1) // r.step
        return (r.start - r.stop - r.step - 1) // -r.step


class BigRange:
    """A long `range` in the sandbox: same behaviour, but C code cannot drain it unmetered.

    Iteration ticks the run's meter; `len()` refuses lengths whose materialisation could not fit the
    memory limit (C code preallocates `len()` items: `tuple(r)`, `f(*r)`, `[*r]`); `in`, `index` and
    `count` are O(1) for integers and metered scans otherwise.
    """

    __slots__ = ('_r',)

    def __init__(self, r: _range) -> None:
        self._r = r

    @property
    def start(self) -> int:
        """The range's `start`."""
        return self._r.start

    @property
    def stop(self) -> int:
        """The range's `stop`."""
        return self._r.stop

    @property
    def step(self) -> int:
        """The range's `step`."""
        return self._r.step

    @property
    def range(self) -> _range:
        """The host `range` this stands in for (what a result leaving the sandbox becomes)."""
        return self._r

    def _ticked(self, it: Iterator[int]) -> Iterator[int]:
        ticker = CURRENT.ticker
        return it if ticker is None else compress(it, ticker)

    def __iter__(self) -> Iterator[int]:
        return self._ticked(iter(self._r))

    def __reversed__(self) -> Iterator[int]:
        return self._ticked(reversed(self._r))

    def __len__(self) -> int:
        n = range_length(self._r)
        cap = item_cap()
        if cap is not None and n > cap:
            raise MemoryError(
                f'memory limit exceeded: a range of {n} items cannot be measured or materialised in the '
                'sandbox (iterate over it instead)'
            )
        return len(self._r)

    def __bool__(self) -> bool:
        return bool(range_length(self._r))

    def __contains__(self, value: Any) -> bool:
        if _type(value) in (int, bool):
            return value in self._r
        return any(value == v for v in self._ticked(iter(self._r)))

    def index(self, value: Any) -> int:
        """`range.index`: O(1) for an int or bool, else a metered scan."""
        if _type(value) in (int, bool):
            return self._r.index(value)
        for i, v in enumerate(self._ticked(iter(self._r))):
            if v == value:
                return i
        raise ValueError(f'{value!r} is not in range')

    def count(self, value: Any) -> int:
        """`range.count`: O(1) for an int or bool, else a metered scan."""
        if _type(value) in (int, bool):
            return self._r.count(value)
        return sum(1 for v in self._ticked(iter(self._r)) if v == value)

    def __getitem__(self, item: Any) -> Any:
        out = self._r[item]
        return make_range(out) if _type(out) is range else out

    def __eq__(self, other: Any) -> bool:
        if _type(other) is BigRange:
            return self._r == other._r
        if _type(other) is range:
            return self._r == other
        return NotImplemented

    def __ne__(self, other: Any) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(self._r)

    def __repr__(self) -> str:
        return repr(self._r)


def make_range(r: range) -> range | BigRange:
    """What sandbox code gets for the range `r`: `r` itself, or a `BigRange` when it is longer than
    BIG_RANGE."""
    return r if range_length(r) <= BIG_RANGE else BigRange(r)
