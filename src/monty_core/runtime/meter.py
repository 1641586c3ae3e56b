"""The meter: cheap, cooperative enforcement of a run's time and depth limits.

Compiled sandbox code calls `next(T)` at `while` back-edges, function entries and lambdas, and wraps
every `for`/comprehension iterable in `itertools.compress(iterable, T)`. `T` is a C-level iterator
(`chain.from_iterable(map(refill, repeat(None)))`) that yields `True` from a `repeat(True, N)` chunk;
only when a chunk runs out does it call back into Python (`refill`), which checks the clock, the
allocation budget and whether the run has been stopped. Per tick that is one C call, no bytecode.

A stopped run (time limit, cancellation, end of run) stays stopped: every later tick and every
`except` handler (`alive()`) re-raises the stop, so `except BaseException:` cannot swallow it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from itertools import chain, repeat
from typing import Any

from .watchdog import WATCHDOG

CHUNK = 2000

DEFAULT_MAX_RECURSION_DEPTH = 200


class RunStopped(BaseException):
    """Raised inside the sandbox when the run must end; carries the sandbox-visible exception."""


class Meter:
    """Time, depth and allocation accounting for one run."""

    __slots__ = (
        '_chunk',
        'builtins',
        'deadline',
        '_stop',
        'allocation_hook',
        'yield_hook',
        'elapsed',
        'max_depth',
        'max_duration',
        'started',
        'ticker',
    )

    def __init__(self, *, max_duration: float | None, max_depth: int) -> None:
        self.max_duration = max_duration
        self.max_depth = max_depth
        self.elapsed = 0.0  # sandbox time accumulated before the current slice
        self.started = 0.0  # perf_counter() when the current slice began
        self.deadline = float('inf')
        self._stop: BaseException | None = None
        self._chunk: Iterator[bool] = iter(())
        self.allocation_hook: Any = None
        # Called at every refill when set: lets an async host take control back every few ms.
        self.yield_hook: Any = None
        self.ticker: Iterator[bool] = chain.from_iterable(map(self._refill, repeat(None)))
        # The run's builtins dict: `_m_maxdepth` there is set to -1 to send function entries to the
        # slow path (`too_deep`) when the run must stop.
        self.builtins: dict[str, Any] = {}

    # -- slices: the clock runs only while sandbox code runs --------------------------------------
    def resume_clock(self) -> None:
        self.started = time.perf_counter()
        if self.max_duration is not None:
            self.deadline = self.started + (self.max_duration - self.elapsed)
            WATCHDOG.watch(self)

    def pause_clock(self) -> None:
        self.elapsed += time.perf_counter() - self.started
        if self.max_duration is not None:
            WATCHDOG.unwatch(self)
        self.deadline = float('inf')

    def expire(self) -> None:
        """Called by the watchdog at the deadline (from its thread): divert the next function entry."""
        self.builtins['_m_maxdepth'] = -1
        deque(self._chunk, maxlen=0)

    def _refill(self, _: object) -> Iterator[bool]:
        if self._stop is not None:
            raise self._stop
        if time.perf_counter() > self.deadline:
            self.stop(TimeoutError(f'execution time limit exceeded ({self.max_duration:g}s)'))
            raise self._stop  # type: ignore[misc]
        hook = self.allocation_hook
        if hook is not None:
            hook()
        if self.yield_hook is not None:
            self.yield_hook()
        self._chunk = repeat(True, CHUNK)
        return self._chunk

    # -- stopping ---------------------------------------------------------------------------------
    def stop(self, exc: BaseException) -> None:
        """Stop the run: the next tick, function entry and `except` handler raise `exc`."""
        if self._stop is None:
            self._stop = exc
        self.builtins['_m_maxdepth'] = -1
        deque(self._chunk, maxlen=0)  # exhaust the current chunk so the very next tick refills

    @property
    def stopped(self) -> BaseException | None:
        return self._stop

    def alive(self) -> None:
        """Called first in every sandbox `except` handler."""
        if self._stop is not None:
            raise self._stop

    def too_deep(self, depth: int) -> None:
        """Slow path of a function entry: a stopped run, an expired deadline, or real recursion."""
        if self._stop is not None:
            raise self._stop
        if time.perf_counter() > self.deadline:
            self.stop(TimeoutError(f'execution time limit exceeded ({self.max_duration:g}s)'))
            raise self._stop  # type: ignore[misc]
        if self.builtins.get('_m_maxdepth') != self.max_depth:
            self.builtins['_m_maxdepth'] = self.max_depth  # the watchdog fired while the clock was paused
        if depth > self.max_depth:
            raise RecursionError('maximum recursion depth exceeded')
