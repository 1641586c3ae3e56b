"""The host side of the process tier: worker processes, the pool that keeps them warm, and the default pool.

```python
from monty_core import Monty
from monty_core.process import ProcessPool

with ProcessPool(max_workers=2) as pool:
    pool.warm_up()  # start both workers now rather than at the first run
    assert Monty('1 + 2').run(isolation=pool) == 3
```

A `WorkerProcess` is one confined worker (worker.py): the host writes framed messages to its stdin and
reads its stdout, never trusting what it reads (wire.py validates every message; a frame larger than
`max_message_bytes` kills the worker). Reads wait with a deadline, so the host never hangs on a
worker. The pool hands one worker to each run; a run that ends cleanly gives it back, and a worker
that hit a limit, crashed, broke the protocol, was abandoned or has served `recycle_after` runs is
killed and replaced (the replacement starts in the background).
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from . import wire
from .worker import BOOTSTRAP

__all__ = ['ProcessPool', 'WorkerDied', 'WorkerProcess', 'WorkerTimeout', 'default_pool']

DEFAULT_MAX_MESSAGE = 64 * 1024 * 1024
START_TIMEOUT = 60.0
# A worker reads its pipe whenever the host writes to it (it waits for the reply): one that does not
# drain a frame within this long is stuck or compromised, and is killed rather than block the host.
SEND_TIMEOUT = 10.0
# The worker's environment: nothing of the host's. Only the locale, so that Python does not coerce it.
WORKER_ENV = {'LC_ALL': 'C.UTF-8'}
_READ_CHUNK = 1 << 16  # (a bigger read buffer is an mmap + munmap per read: ~100 us)
SPIN = 100e-6  # seconds a reader polls its pipe before it sleeps (see `WorkerProcess.fill`)
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix='monty-worker-spawner')


class WorkerDied(Exception):
    """The worker's pipe closed: it exited or was killed (`returncode` as `Popen` reports it)."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(f'worker exited with {returncode}')
        self.returncode = returncode


class WorkerTimeout(Exception):
    """No message arrived before the deadline."""


def _read_paths() -> list[str]:
    import sysconfig

    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    paths.update(p for p in sysconfig.get_paths().values() if p)
    return sorted(paths)


class WorkerProcess:
    """One worker: its process, its pipes, and what it reported when it became ready."""

    def __init__(
        self, test_switches: tuple[str, ...] = (), max_message_bytes: int = DEFAULT_MAX_MESSAGE
    ) -> None:
        config = {
            'sys_path': [p for p in sys.path if p],
            'read_paths': _read_paths(),
            'ppid': os.getpid(),
            'allowed_env': sorted(WORKER_ENV),
            'test_switches': list(test_switches),
            'max_message': max_message_bytes,
        }
        # Started from one long-lived thread: a worker's parent-death signal fires when the *thread*
        # that started it ends, and the thread of a run may be short-lived (an executor's).
        self.proc = _SPAWNER.submit(
            subprocess.Popen,
            [sys.executable, '-I', '-c', BOOTSTRAP, json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=WORKER_ENV,
            close_fds=True,
            start_new_session=True,  # no controlling terminal to hang up (`vhangup`), no job signals
            bufsize=0,
        ).result()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.wfd = self.proc.stdin.fileno()
        self.rfd = self.proc.stdout.fileno()
        os.set_blocking(self.rfd, False)
        os.set_blocking(self.wfd, False)
        self.pid = self.proc.pid
        self.max_message = max_message_bytes
        self._buffer = bytearray()
        self.ready: wire.Ready | None = None
        self.runs = 0
        self.cpu = 0.0
        self.limits: dict[int, int] = {}  # rlimits set on the worker by the host (resource -> soft)
        self._hard: dict[int, int] = {}
        self.started = time.monotonic()

    # -- messages ----------------------------------------------------------------------------------------
    def send(self, message: Any) -> None:
        """Write one message to the worker's pipe (the whole frame, however the pipe splits it)."""
        data = memoryview(wire.encode(message))
        deadline = time.monotonic() + SEND_TIMEOUT
        try:
            while data:
                try:
                    n = os.write(self.wfd, data)
                except BlockingIOError:
                    left = deadline - time.monotonic()
                    if left <= 0 or not select.select([], [self.wfd], [], left)[1]:
                        self.kill()
                        raise WorkerDied(self._exit_status()) from None
                    continue
                data = data[n:]
        except (BrokenPipeError, OSError):
            raise WorkerDied(self._exit_status()) from None

    def poll_message(self) -> Any:
        """The next complete message already received, or None. Raises `WireError` for a bad frame."""
        buf = self._buffer
        if len(buf) < wire.HEADER.size:
            return None
        kind, size = wire.HEADER.unpack_from(buf)
        if size > self.max_message:
            raise wire.WireError(f'a message of {size} bytes (the limit is {self.max_message})')
        end = wire.HEADER.size + size
        if len(buf) < end:
            return None
        body = bytes(buf[wire.HEADER.size : end])
        del buf[:end]
        return wire.decode_from_worker(kind, body)

    def fill(self, timeout: float | None) -> bool:
        """Read what the worker sent, waiting up to `timeout` seconds (None: forever). False on timeout.

        It polls for `SPIN` seconds before it sleeps: an answer that comes quickly (a host call's
        round trip) then costs no wake-up of a sleeping process, which is slow on a VM."""
        if timeout is None or timeout > 0:
            until = time.perf_counter() + SPIN
            while True:
                try:
                    data = os.read(self.rfd, _READ_CHUNK)
                except BlockingIOError:
                    if time.perf_counter() > until:
                        break
                    continue
                if not data:
                    raise WorkerDied(self._exit_status())
                self._buffer += data
                return True
        if timeout is not None:
            ready, _, _ = select.select([self.rfd], [], [], max(timeout, 0.0))
            if not ready:
                return False
        else:
            select.select([self.rfd], [], [])
        try:
            data = os.read(self.rfd, _READ_CHUNK)
        except BlockingIOError:
            return True
        if not data:
            raise WorkerDied(self._exit_status())
        self._buffer += data
        return True

    def recv(self, deadline: float | None) -> Any:
        """The next message; `WorkerTimeout` at `deadline` (a `time.monotonic()` value)."""
        while True:
            message = self.poll_message()
            if message is not None:
                return message
            timeout = None if deadline is None else deadline - time.monotonic()
            if timeout is not None and timeout <= 0:
                raise WorkerTimeout()
            self.fill(timeout)

    def wait_ready(self, timeout: float = START_TIMEOUT) -> wire.Ready:
        """The worker's start report (its confinement checks), waiting at most `timeout` seconds for it."""
        if self.ready is None:
            message = self.recv(time.monotonic() + timeout)
            if type(message) is not wire.Ready:
                raise wire.WireError(f'expected Ready, got {type(message).__name__}')
            self.ready = message
            self.cpu = message.cpu
        return self.ready

    # -- limits and life -------------------------------------------------------------------------------------
    def set_limit(self, which: int, soft: int) -> None:
        """Set the worker's soft `which` limit from the host (the worker itself may not)."""
        if self.limits.get(which) == soft:
            return
        try:
            hard = self._hard.get(which)
            if hard is None:
                hard = self._hard[which] = resource.prlimit(self.pid, which)[1]
            if hard != resource.RLIM_INFINITY and soft > hard:
                soft = hard
            resource.prlimit(self.pid, which, (soft, hard))
            self.limits[which] = soft
        except (OSError, ValueError):
            pass

    def alive(self) -> bool:
        """Whether the worker process is still running."""
        return self.proc.poll() is None

    def _exit_status(self) -> int | None:
        try:
            return self.proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """Kill the worker process (SIGKILL) and reap it."""
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGKILL)
            except OSError:
                pass
        try:
            self.proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:  # pragma: no cover (a kill cannot be ignored)
            pass
        for f in (self.proc.stdin, self.proc.stdout):
            if f is not None:
                try:
                    f.close()
                except OSError:
                    pass

    def rss_bytes(self) -> int:
        """The worker's resident set size (0 when unknown)."""
        try:
            with open(f'/proc/{self.pid}/statm', encoding='ascii') as f:
                return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
        except (OSError, ValueError, IndexError):
            return 0


class ProcessPool:
    """Warm, confined worker processes; each runs one sandbox at a time, so N workers run N in parallel.

    Args:
        max_workers: the most workers alive at once (default: the number of CPUs, at most 4).
        recycle_after: replace a worker after this many runs.
        max_message_bytes: the largest message a worker may send (a bigger one kills it).
        start_timeout: seconds a new worker may take to become ready.
    """

    def __init__(
        self,
        max_workers: int | None = None,
        *,
        recycle_after: int = 2000,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE,
        start_timeout: float = START_TIMEOUT,
        _test_switches: tuple[str, ...] = (),
    ) -> None:
        if max_workers is None:
            max_workers = min(os.cpu_count() or 1, 4)
        if max_workers < 1:
            raise ValueError('max_workers must be at least 1')
        self.max_workers = max_workers
        self.recycle_after = recycle_after
        self.max_message_bytes = max_message_bytes
        self.start_timeout = start_timeout
        self._test_switches = tuple(_test_switches)
        self._idle: list[WorkerProcess] = []
        # Workers held by paused snapshots, oldest first, with a weak reference to their run.
        self._parked: dict[WorkerProcess, weakref.ref[Any]] = {}
        self._live = 0  # idle + busy + starting
        self._cond = threading.Condition()
        self._closed = False

    def __repr__(self) -> str:
        return f'ProcessPool(max_workers={self.max_workers}, live={self._live}, idle={len(self._idle)})'

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def _spawn(self) -> WorkerProcess:
        return WorkerProcess(self._test_switches, self.max_message_bytes)

    def warm_up(self, n: int | None = None) -> None:
        """Start workers until `n` (default `max_workers`) are alive, and wait until they are ready."""
        target = self.max_workers if n is None else min(n, self.max_workers)
        with self._cond:
            self._check_open()
            started = [self._spawn() for _ in range(max(target - self._live, 0))]
            self._live += len(started)
            self._idle.extend(started)
        for worker in started:
            self._ensure_ready(worker)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError('this ProcessPool has been shut down')

    def try_acquire(self) -> WorkerProcess | None:
        """A ready idle worker at once, or None (used by async runs before waiting in a thread)."""
        with self._cond:
            self._check_open()
            for i in range(len(self._idle) - 1, -1, -1):
                worker = self._idle[i]
                if worker.ready is not None and worker.alive():
                    del self._idle[i]
                    return worker
        return None

    def acquire(self, timeout: float | None = None) -> WorkerProcess:
        """A ready worker for one run (waits while all `max_workers` are busy)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        victims: list[WorkerProcess] = []
        with self._cond:
            while True:
                self._check_open()
                if self._idle:
                    worker = self._idle.pop()
                    break
                if self._live < self.max_workers:
                    self._live += 1
                    worker = None
                    break
                if self._parked:  # every worker is busy, some only hold a paused snapshot: evict one
                    victim = next(iter(self._parked))
                    run = self._parked.pop(victim)()
                    if run is not None:
                        run.evicted = True
                    victims.append(victim)
                    self._live -= 1
                    continue
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise TimeoutError('no worker became free in time')
                self._cond.wait(remaining)
        for victim in victims:
            victim.kill()
        if worker is None:
            try:
                worker = self._spawn()
            except BaseException:
                self._forget()
                raise
        return self._ensure_ready(worker)

    def park(self, worker: WorkerProcess, run: Any) -> None:
        """`run` (on `worker`) is a paused snapshot: when every worker is busy, the pool may evict it
        (kill its worker and set `run.evicted`); resuming it then replays its log in another worker."""
        with self._cond:
            self._parked[worker] = weakref.ref(run)  # (a dropped snapshot must still be freed)
            self._cond.notify()

    def unpark(self, worker: WorkerProcess) -> None:
        """Take `worker` back from the paused runs that may be evicted (its run resumes now)."""
        with self._cond:
            self._parked.pop(worker, None)

    def _ensure_ready(self, worker: WorkerProcess) -> WorkerProcess:
        try:
            worker.wait_ready(self.start_timeout)
        except BaseException as e:
            worker.kill()
            self._forget()
            if isinstance(e, (WorkerDied, WorkerTimeout, wire.WireError)):
                raise RuntimeError(f'a sandbox worker failed to start: {type(e).__name__}: {e}') from None
            raise
        return worker

    def _forget(self) -> None:
        with self._cond:
            self._live -= 1
            self._cond.notify()

    def release(self, worker: WorkerProcess, *, reuse: bool) -> None:
        """Give a worker back after a run; unless `reuse`, kill it and start a replacement."""
        worker.runs += 1
        if reuse and worker.runs < self.recycle_after and not self._closed:  # (it has just answered)
            with self._cond:
                if not self._closed:
                    self._idle.append(worker)
                    self._cond.notify()
                    return
        worker.kill()
        with self._cond:
            if self._closed:
                self._live -= 1
                return
            try:
                self._idle.append(self._spawn())  # the replacement warms up in the background
            except OSError:
                self._live -= 1
            self._cond.notify()

    def shutdown(self) -> None:
        """Kill the idle workers now; busy ones are killed when their run ends. Idempotent."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._live -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.kill()

    def workers(self) -> list[WorkerProcess]:
        """The idle workers (for inspection: checks, RSS)."""
        with self._cond:
            return list(self._idle)


_default: ProcessPool | None = None
_default_lock = threading.Lock()


def default_pool() -> ProcessPool:
    """The process's shared pool, started lazily and shut down at exit."""
    global _default
    with _default_lock:
        if _default is None or _default._closed:
            _default = ProcessPool()
            atexit.register(_default.shutdown)
        return _default
