"""One background thread that expires time limits, so hot paths need no clock reads.

Sandbox function entries already compare the run's depth counter with `_m_maxdepth`; when a run's
deadline passes, the watchdog sets that builtin to -1, so the very next function entry (or lambda, or
generator step) takes the slow path, where the meter raises the time limit. Loops check the clock
themselves through the ticker. The thread sleeps when no run is being timed.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any, Protocol


class Expirable(Protocol):
    deadline: float

    def expire(self) -> None: ...


class Watchdog:
    """Expires registered meters at their deadlines."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._watched: dict[int, Expirable] = {}
        self._wake_at = float('inf')
        self._thread: threading.Thread | None = None
        self._pid = 0

    def watch(self, meter: Expirable) -> None:
        with self._cond:
            self._watched[id(meter)] = meter
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._loop, name='monty-watchdog', daemon=True)
                self._thread.start()
            if meter.deadline < self._wake_at:
                self._cond.notify()

    def unwatch(self, meter: Expirable) -> None:
        with self._cond:
            self._watched.pop(id(meter), None)

    def _loop(self) -> None:
        cond = self._cond
        with cond:
            while True:
                now = time.perf_counter()
                due = [m for m in self._watched.values() if m.deadline <= now]
                for meter in due:
                    self._watched.pop(id(meter), None)
                    try:
                        meter.expire()
                    except Exception:  # pragma: no cover - never let the watchdog die
                        pass
                self._wake_at = min((m.deadline for m in self._watched.values()), default=float('inf'))
                timeout: Any = None if self._wake_at == float('inf') else max(self._wake_at - now, 0.0)
                cond.wait(timeout)


WATCHDOG = Watchdog()
