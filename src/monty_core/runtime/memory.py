"""Memory accounting: each run's memory and allocation budget, and the pre-check entry point.

Accounting (`MemoryAccount`) measures what the host pays: growth of the process's resident set size
(RSS) since the run started, and growth of CPython's allocated-block count (`max_allocations`). Time
spent paused at host calls is excluded (whatever the host or another run allocates meanwhile is
subtracted). The meter checks the account at most every `CHECK_INTERVAL` seconds of sandbox time, and
its watchdog thread forces such a check at least every few milliseconds (see meter.py), so growth by
loops is caught within a few milliseconds of work.

`reserve` is what the size pre-checks (sizecheck.py) call before an operation that would allocate a
result of computable size: one that cannot fit raises `MemoryError('memory limit exceeded ...')` before
anything is allocated.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

CHECK_INTERVAL = 0.002  # seconds of sandbox time between two accounting checks
LONG_PAUSE = 0.001  # host-call pauses longer than this are subtracted from the run's memory growth
SMALL = 1 << 20  # results below 1 MiB are never pre-checked (and never counted)

_blocks = sys.getallocatedblocks
_monotonic = time.perf_counter  # the meter passes its own perf_counter readings


def _open_statm() -> int | None:
    try:
        return os.open('/proc/self/statm', os.O_RDONLY)
    except OSError:
        return None


_STATM = _open_statm()
_PAGE = os.sysconf('SC_PAGE_SIZE') if hasattr(os, 'sysconf') else 4096
_MAXRSS_UNIT = 1 if sys.platform == 'darwin' else 1024


def peak_rss() -> int:
    """The process's peak resident set size in bytes (`ru_maxrss`: KiB on Linux, bytes on macOS)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT


def current_rss() -> int:
    """The process's resident set size in bytes (its peak where /proc is not available)."""
    if _STATM is not None:
        try:
            return int(os.pread(_STATM, 64, 0).split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            pass
    return peak_rss()


def _load_trim() -> Any:
    """glibc's `malloc_trim`, or None: freed memory stays in the process (and in its RSS) until the
    allocator returns it, so a run that freed what it had allocated could still look over its limit."""
    if not sys.platform.startswith('linux'):
        return None
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _load_trim()


def _mib(n: int) -> str:
    return f'{n / (1 << 20):.0f} MiB' if n >= (1 << 20) else f'{n} bytes'


class _CollectorWatch:
    """Blocks the cycle collector frees while runs with an allocation limit are executing.

    `getallocatedblocks()` falls when a collection frees garbage made *before* a run (a host's, or an
    earlier run's, cycles waiting in the oldest generation): crediting that to the run would let it
    allocate as much again unnoticed. The watch hands each executing account the number of blocks a
    collection freed, and the account adds them back, so only frees by reference count are credited.
    The run's own cyclic garbage then counts until the run ends: the error is on the safe side.
    """

    __slots__ = ('accounts', 'before')

    def __init__(self) -> None:
        self.accounts: set[MemoryAccount] = set()
        self.before = 0

    def add(self, account: MemoryAccount) -> None:
        if not self.accounts and self._on_collect not in gc.callbacks:
            gc.callbacks.append(self._on_collect)
        self.accounts.add(account)

    def discard(self, account: MemoryAccount) -> None:
        self.accounts.discard(account)

    def _on_collect(self, phase: str, _info: dict[str, int]) -> None:
        if not self.accounts:  # installed once, idle between runs
            return
        if phase == 'start':
            self.before = _blocks()
            return
        freed = self.before - _blocks()
        if freed > 0:
            for account in tuple(self.accounts):
                account.collected(freed)


_COLLECTOR = _CollectorWatch()


class MemoryAccount:
    """One run's memory and allocation budget."""

    __slots__ = (
        '_base_blocks',
        '_base_rss',
        '_last_peak',
        '_paused_at',
        '_paused_blocks',
        '_pending',
        '_strikes',
        'max_allocations',
        'max_memory',
        'used',
    )

    def __init__(self, max_memory: int | None, max_allocations: int | None) -> None:
        self.max_memory = max_memory
        self.max_allocations = max_allocations
        self._base_rss = -1
        self._base_blocks = -1
        self._paused_at = 0.0
        self._last_peak = 0
        self._paused_blocks = 0
        self._pending = 0  # bytes reserved by pre-checks since the last measurement
        self._strikes = 0
        self.used = 0  # last measured growth, bytes

    # -- slices: memory the host allocates while the run is paused is not the run's --------------
    # Reading RSS costs a syscall, too much for every host call. The baseline is taken at the first
    # check (growth before it is bounded by the pre-checks and by CHECK_INTERVAL). A pause longer
    # than LONG_PAUSE credits the run with whatever the peak RSS grew by since the last check (the
    # host's allocations during the pause, plus at most one check interval of the run's own).
    def resume(self, now: float = 0.0) -> None:
        """`now`: the caller's `time.perf_counter()` reading, if it has one."""
        if self.max_memory is not None and self._paused_at and self._base_rss >= 0:
            if (now or _monotonic()) - self._paused_at > LONG_PAUSE:
                peak = peak_rss()
                if peak > self._last_peak:
                    self._base_rss += peak - self._last_peak
                    self._last_peak = peak
        self._paused_at = 0.0
        if self.max_allocations is not None:
            if self._base_blocks < 0:
                self._base_blocks = _blocks()
            elif self._paused_blocks:
                self._base_blocks += _blocks() - self._paused_blocks
            _COLLECTOR.add(self)

    def pause(self, now: float = 0.0) -> None:
        """The run pauses (a host call, or between slices): note when, and the allocated blocks, so that
        `resume` can leave out what the host allocates meanwhile."""
        self._paused_at = now or _monotonic()
        if self.max_allocations is not None:
            _COLLECTOR.discard(self)
            self._paused_blocks = _blocks()

    def collected(self, freed: int) -> None:
        """The cycle collector freed `freed` blocks while the run was executing (see `_CollectorWatch`)."""
        self._base_blocks -= freed

    # -- checks -----------------------------------------------------------------------------------
    def check(self) -> MemoryError | None:
        """Measure; return the error to raise if a limit is exceeded (None otherwise)."""
        self._pending = 0
        limit = self.max_memory
        if limit is not None:
            if self._base_rss < 0:
                self._base_rss = current_rss()
            base = self._base_rss
            # Peak RSS bounds current RSS: when even the peak is within budget, skip reading /proc.
            peak = self._last_peak = peak_rss()
            if peak - base > limit:
                used = current_rss() - base
                if used > limit and _TRIM is not None:
                    _TRIM(0)  # hand freed memory back first: only what is still held counts
                    used = current_rss() - base
                self.used = used
                if used > limit:
                    self._strikes += 1
                    return MemoryError(f'memory limit exceeded ({_mib(limit)}): the run uses {_mib(used)}')
        cap = self.max_allocations
        if cap is not None:
            count = _blocks() - self._base_blocks
            if count > cap:
                self._strikes += 1
                return MemoryError(f'allocation limit exceeded ({cap} allocations): the run holds {count}')
        self._strikes = 0
        return None

    @property
    def strikes(self) -> int:
        """Consecutive checks that found the run over a limit."""
        return self._strikes

    def reserve(self, nbytes: int, what: str) -> None:
        """Raise `MemoryError` if allocating `nbytes` more would exceed the memory limit."""
        limit = self.max_memory
        if limit is None:
            return
        if nbytes > limit:
            raise MemoryError(f'memory limit exceeded ({_mib(limit)}): {what} would need {_mib(nbytes)}')
        pending = self._pending + nbytes
        if self.used + pending > limit or pending > limit >> 3:
            self._pending = 0
            if self._base_rss < 0:
                self._base_rss = current_rss()
            used = max(current_rss() - self._base_rss, 0)
            self.used = used
            if used + nbytes > limit:
                raise MemoryError(
                    f'memory limit exceeded ({_mib(limit)}): {what} would need {_mib(nbytes)} '
                    f'more (the run uses {_mib(used)})'
                )
            pending = nbytes
        self._pending = pending


class _Current(threading.local):
    account: MemoryAccount | None = None
    ticker: Iterator[bool] | None = None


CURRENT = _Current()  # the account and ticker of the run executing on this thread (set by the meter)


def reserve(nbytes: int, what: str) -> None:
    """Pre-check an allocation of `nbytes` against the running sandbox's memory limit."""
    if nbytes >= SMALL:
        account = CURRENT.account
        if account is not None:
            account.reserve(nbytes, what)


def item_cap() -> int | None:
    """The most items a materialised sequence may have under the running sandbox's memory limit
    (None: no limit)."""
    account = CURRENT.account
    if account is None or account.max_memory is None:
        return None
    return account.max_memory >> 4
