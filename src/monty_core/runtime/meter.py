"""The meter: cheap, cooperative enforcement of a run's time, memory and depth limits.

Compiled sandbox code calls `next(T)` at `while` back-edges and wraps every `for`/comprehension
iterable in `itertools.compress(iterable, T)`; function entries, lambdas and generator steps compare
the depth counter with `_m_max_depth`, which `stop()` and the watchdog lower to -1. `T` is a C-level iterator
(`chain.from_iterable(map(refill, repeat(None)))`) that yields `True` from a `repeat(True, N)` chunk;
only when a chunk runs out does it call back into Python (`refill`), which checks the clock, the
memory account and whether the run has been stopped. Per tick that is one C call, no bytecode.

Chunks run out after `CHUNK` ticks, or earlier: a watchdog thread empties the current chunk of every
running meter every `POKE_INTERVAL` seconds, so a loop whose iterations are slow (each sorts a big
list, say) still reaches `refill` within milliseconds. The thread only sleeps and empties iterators;
it never runs sandbox code.

A stopped run (time limit, cancellation, end of run) stays stopped: every later tick and every
`except` handler (`alive()`) re-raises the stop, so `except BaseException:` cannot swallow it.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterator
from itertools import chain, repeat
from typing import Any

from ..hooks import MAX_DEPTH
from .memory import CHECK_INTERVAL, CURRENT, MemoryAccount

CHUNK = 2000
FIRST_CHECK_DELAY = 0.0005  # seconds of a run before its first memory check
POKE_INTERVAL = 0.005

DEFAULT_MAX_RECURSION_DEPTH = 1000

_perf = time.perf_counter
_INF = float('inf')


class Depth:
    """A run's call depth (`_m_depth.d` in compiled code): function entries add one, their `finally`
    takes it back. A slot of a per-run object, because CPython 3.11 specialises slot reads and
    writes; a module global would be written through a dict lookup at every call."""

    __slots__ = ('d',)

    def __init__(self) -> None:
        self.d = 0


class _Raiser:
    """A ticker chunk that raises `exc` (once, or at every tick for a stopped run)."""

    __slots__ = ('exc', 'sticky')

    def __init__(self, exc: BaseException, sticky: bool) -> None:
        self.exc: BaseException | None = exc
        self.sticky = sticky

    def __iter__(self) -> _Raiser:
        return self

    def __next__(self) -> bool:
        exc = self.exc
        if exc is None:
            raise StopIteration
        if not self.sticky:
            self.exc = None
        raise exc


class _Watchdog:
    """One daemon thread per process: forces a refill of every running meter every POKE_INTERVAL.

    It keeps polling for `IDLE_AFTER` seconds after the last run ended before it blocks, so a host
    starting many short runs does not wake it (a GIL hand-off) for each one.
    """

    IDLE_AFTER = 0.25

    def __init__(self) -> None:
        self.active: dict[Meter, None] = {}
        self.wake = threading.Event()
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.idle = True

    def add(self, meter: Meter) -> None:
        self.active[meter] = None
        if self.thread is None:
            self._start()
        if self.idle:  # set before the thread re-checks `active`, so no run is missed
            self.wake.set()

    def _start(self) -> None:
        with self.lock:
            if self.thread is None:
                self.idle = False
                thread = threading.Thread(target=self._loop, name='monty-watchdog', daemon=True)
                thread.start()
                self.thread = thread

    def remove(self, meter: Meter) -> None:
        self.active.pop(meter, None)

    def after_fork(self) -> None:
        """In a forked child: the thread did not survive the fork. Start another now if a run is
        active (a host function forked), else at the next `add`."""
        self.thread = None
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.idle = True
        if self.active:
            self._start()

    def _any_running(self) -> bool:
        """Whether a registered run's clock is running (a run in `run()` stays registered while a
        host function runs, with its clock stopped: see `Meter.stop_time`)."""
        return any(meter._running for meter in list(self.active))

    def _loop(self) -> None:
        last_active = time.monotonic()
        while True:
            time.sleep(POKE_INTERVAL)
            busy = False
            for meter in list(self.active):
                if meter._running:
                    busy = True
                    meter.poke()
            if busy:
                last_active = time.monotonic()
            elif time.monotonic() - last_active > self.IDLE_AFTER:
                self.idle = True
                self.wake.clear()
                if not self._any_running():  # re-checked after `idle` is set: see `add`, `start_time`
                    self.wake.wait()
                self.idle = False
                last_active = time.monotonic()


def _refill(ref: weakref.ref[Meter]) -> Iterator[bool]:
    meter = ref()
    if meter is None:  # a frame of a run that is over and gone (a generator being collected)
        return _Raiser(RuntimeError('the run has ended'), sticky=True)
    return meter._refill(None)


WATCHDOG = _Watchdog()
if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=WATCHDOG.after_fork)


class Meter:
    """Time, memory, allocation and depth accounting for one run."""

    __slots__ = (
        '__weakref__',
        '_chunk',
        '_deadline',
        '_next_check',
        '_running',
        '_saved',
        '_stop',
        'account',
        'allocation_hook',
        'builtins',
        'elapsed',
        'max_depth',
        'max_duration',
        'started',
        'ticker',
        'yield_hook',
    )

    def __init__(
        self,
        *,
        max_duration: float | None,
        max_depth: int,
        max_memory: int | None = None,
        max_allocations: int | None = None,
    ) -> None:
        self.max_duration = max_duration
        self.max_depth = max_depth
        self.elapsed = 0.0  # sandbox time accumulated before the current slice
        self.started = 0.0  # perf_counter() when the current slice began
        self._running = False
        self._deadline = float('inf')
        self._next_check = 0.0
        self._stop: BaseException | None = None
        self._chunk: Iterator[bool] = iter(())
        self._saved: tuple[Any, Any] = (None, None)
        self.account: MemoryAccount | None = (
            MemoryAccount(max_memory, max_allocations)
            if max_memory is not None or max_allocations is not None
            else None
        )
        self.allocation_hook: Any = None
        # Called at every refill when set: lets an async host take control back every few ms.
        self.yield_hook: Any = None
        # The run's builtins dict. Function entries, lambdas and generator steps compare the run's
        # depth with `_m_max_depth` there; setting it to -1 sends them to `too_deep`, which raises the
        # stop or the time limit (the watchdog does this when the deadline passes).
        self.builtins: dict[str, Any] = {}
        # The ticker reaches its meter through a weak reference: no reference cycle, so a finished
        # run is freed by reference counting rather than left to the garbage collector.
        self.ticker: Iterator[bool] = chain.from_iterable(map(_refill, repeat(weakref.ref(self))))

    # -- slices: the clock runs only while sandbox code runs --------------------------------------
    # `resume_clock`/`pause_clock` bracket a slice of sandbox execution: the run becomes the thread's
    # current run (`CURRENT`, restored after), its clock runs and the watchdog watches it.
    # `run()` pauses at a host call with `stop_time`/`start_time` instead: only the clock (and the
    # memory account's pause) stops; the run stays registered and current while the host function
    # runs, which it does synchronously on the same thread.
    def resume_clock(self) -> None:
        """Begin a slice of sandbox execution: the run becomes the thread's current run (the previous one
        saved), its clock starts and the watchdog watches it."""
        self._saved = (CURRENT.account, CURRENT.ticker)
        CURRENT.account = self.account
        CURRENT.ticker = self.ticker
        self.start_time()
        WATCHDOG.add(self)

    def pause_clock(self) -> None:
        """End a slice: the watchdog lets go, the clock stops and the thread's previous current run
        is restored."""
        WATCHDOG.remove(self)
        if self._running:
            self.stop_time()
        CURRENT.account, CURRENT.ticker = self._saved
        self._saved = (None, None)

    def start_time(self) -> None:
        """Start the clock (at a slice's start, or after a host call): the deadline is set from the
        time left and the memory account resumes; the run becomes the thread's current run again if
        another took over."""
        if CURRENT.ticker is not self.ticker:  # another run took the thread over during a host call
            CURRENT.account = self.account
            CURRENT.ticker = self.ticker
        now = self.started = _perf()
        if not self._next_check:
            # The memory account's first check takes its baseline (a /proc read, which also hands
            # the GIL to any thread waiting for it): runs shorter than this never pay for it.
            # Growth before the baseline is bounded by the pre-checks and by this delay.
            self._next_check = now + FIRST_CHECK_DELAY
        self._running = True
        if WATCHDOG.idle:  # set before the watchdog re-checks for running clocks: see `_Watchdog.add`
            WATCHDOG.wake.set()
        if self.max_duration is not None:
            self._deadline = now + (self.max_duration - self.elapsed)
        account = self.account
        if account is not None:
            account.resume(now)

    def stop_time(self) -> None:
        """Stop the clock (at a host call, or a slice's end): the time spent is added to `elapsed`, the
        deadline is lifted and the memory account pauses."""
        now = _perf()
        self._running = False
        self.elapsed += now - self.started
        self._deadline = _INF
        account = self.account
        if account is not None:
            account.pause(now)

    def poke(self) -> None:
        """Called by the watchdog thread: make the next tick refill (and so check the limits), and
        make the next function entry or statement check (`too_deep`) check them too: once the
        deadline has passed, and at every poke when the run has a memory account — a recursion or
        a run of straight-line statements (`s = s + s` thirty times) has no loop tick."""
        deque(self._chunk, maxlen=0)
        if self.account is not None or _perf() > self._deadline:
            self.builtins[MAX_DEPTH] = -1

    def _refill(self, _: object) -> Iterator[bool]:
        # An exception escaping into `chain.from_iterable` would clear its source for good (every
        # later tick would end loops silently): hand the error over as an iterator that raises it.
        try:
            return self._checked_refill()
        except BaseException as exc:
            return _Raiser(exc, sticky=exc is self._stop)

    def _checked_refill(self) -> Iterator[bool]:
        now = _perf()
        self._raise_if_stopped(now)
        if now >= self._next_check:
            self._next_check = now + CHECK_INTERVAL
            self._chunk = repeat(True, CHUNK)  # a caught MemoryError leaves the ticker working
            self._check_memory()
        if self.yield_hook is not None:
            self.yield_hook()
        self._chunk = repeat(True, CHUNK)
        return self._chunk

    # -- stopping ---------------------------------------------------------------------------------
    def stop(self, exc: BaseException) -> None:
        """Stop the run: the next tick (and every `except` handler) raises `exc`."""
        if self._stop is None:
            self._stop = exc
        self.builtins[MAX_DEPTH] = -1
        deque(self._chunk, maxlen=0)  # exhaust the current chunk so the very next tick refills

    def detach(self) -> None:
        """After `stop`, at the end of the run: let go of the run's builtins (their `_m_max_depth`
        already sends every function entry to `too_deep`, which raises the stop) and of the frames
        the stop was last raised through (the run's error has been described by then)."""
        self.builtins = {}
        if self._stop is not None:
            self._stop.__traceback__ = None

    @property
    def stopped(self) -> BaseException | None:
        """The exception the run was stopped with, or None while it may go on."""
        return self._stop

    def alive(self) -> None:
        """Raise the stop of a stopped run (before a host call, and so on)."""
        if self._stop is not None:
            raise self._stop

    def _raise_if_stopped(self, now: float) -> None:
        """Raise the run's stop, or stop it with `TimeoutError` once its deadline has passed."""
        if self._stop is not None:
            raise self._stop
        if now > self._deadline:
            timeout = TimeoutError(f'execution time limit exceeded ({self.max_duration:g}s)')
            self.stop(timeout)
            raise timeout

    def handler_check(self, depth: int) -> None:
        """Slow path of the check that starts every sandbox `except` handler: re-raise a stop or an
        expired deadline, so `except BaseException:` cannot swallow them. Never a memory check: a
        handler that caught `MemoryError` must get the chance to let go of the memory first."""
        self._raise_if_stopped(_perf())

    def _check_memory(self) -> None:
        account = self.account
        if account is not None:
            error = account.check()
            if error is not None:
                if account.strikes > 1:
                    # Still over the limit at the next check: the run kept the memory (it caught
                    # the first MemoryError); end it for good.
                    self.stop(error)
                raise error
        hook = self.allocation_hook
        if hook is not None:
            hook()

    def too_deep(self, depth: int) -> bool:
        """Slow path of a function entry or statement check: a stopped run, an expired deadline, a
        memory check the watchdog asked for, or real recursion. Returns True when the run may go on
        (a lambda's body is `(_m_depth.d <= _m_max_depth or _m_too_deep(_m_depth.d)) and body`)."""
        now = _perf()
        self._raise_if_stopped(now)
        if self.builtins.get(MAX_DEPTH) != self.max_depth:
            self.builtins[MAX_DEPTH] = self.max_depth  # the watchdog flagged a check
            # At most one memory check per interval, as at ticks: a handler that caught the first
            # MemoryError gets that long to let go before a second one ends the run.
            if now >= self._next_check:
                self._next_check = now + CHECK_INTERVAL
                self._check_memory()
        if depth > self.max_depth:
            raise RecursionError('maximum recursion depth exceeded')
        return True
