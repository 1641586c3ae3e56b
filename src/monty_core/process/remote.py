"""A run in a worker, as the driver sees it: `RemoteRun` speaks the `Runner` protocol of driver.py.

`start()` sends the run to a worker and `reply(...)` sends the host's answer; both return the next event
the worker reports, so `drive_sync`/`drive_async` apply exactly the same host-call rules as in-process.
Printed text and host hooks are answered here, on the way. The host enforces the limits the worker
could overrun from inside: the time limit (the worker's compute time, measured from the host, plus
`GRACE`: then the worker is killed), memory (`RLIMIT_AS` set on the worker before each run) and
crashes (a worker that dies becomes a `MontyRuntimeError` naming the signal).
"""

from __future__ import annotations

import resource
import signal
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

import anyio

from ..errors import MontyRuntimeError, MontySnapshotError
from ..execution.encoding import decode_value, encode_value
from ..execution.protocol import (
    CONTINUE,
    FUTURE,
    CallEvent,
    DoneEvent,
    ErrorEvent,
    Event,
    FuturesEvent,
    Raise,
    Reply,
    Resolve,
    YieldEvent,
    encode_reply,
)
from ..limits import Limits
from ..runtime.output import PrintCallback
from . import values, wire
from .pool import ProcessPool, WorkerDied, WorkerProcess, WorkerTimeout

__all__ = ['GRACE', 'AS_SLACK', 'RemoteRun']

GRACE = 0.5  # seconds past the time limit before the host kills a worker
AS_SLACK = 256 * 1024 * 1024  # address space beyond the worker's baseline and the run's memory limit
YIELD = YieldEvent()
CPU_SLACK = 10  # seconds of CPU time beyond the run's need in RLIMIT_CPU (re-set when short)


def _failure(type_name: str, message: str) -> ErrorEvent:
    return ErrorEvent(MontyRuntimeError(type_name, message, []))


class RemoteRun:
    """One run on one worker of `pool` (see the module docstring)."""

    def __init__(
        self,
        pool: ProcessPool,
        worker: WorkerProcess,
        message: wire.RunMsg | wire.SessionMsg,
        limits: Limits,
        print_callback: PrintCallback | None,
        hooks: Mapping[str, Callable[..., Any]] | None,
        *,
        asynchronous: bool = False,
        parkable: bool = False,
    ) -> None:
        self.pool, self.worker, self.message, self.limits = pool, worker, message, limits
        self.print_callback = print_callback
        self.hooks = dict(hooks or {})
        self.asynchronous = asynchronous
        self._finished = False
        self.evicted = False  # set by the pool (under its lock) when it takes the worker back
        self.parkable = parkable
        self.pinned = False
        self.host_error: BaseException | None = None
        limit = limits.max_duration_secs
        self.remaining = None if limit is None else limit
        self.t0 = 0.0
        self.spent = 0.0  # host-measured compute time of the worker so far
        self.waiting = False  # the worker waits for the host's reply (to a call or a wait on futures)
        # Nothing a worker reports is trusted: a call names a declared function, a wait names calls
        # answered with FUTURE and not yet resolved (a compromised worker could forge either).
        self.functions = _declared_functions(message)
        self.futures: set[int] = set()
        self.pending_call: int | None = None
        self.printed = 0  # characters of output received

    # -- what a `Session` reads of its execution ---------------------------------------------------------
    _greenlet = None

    @property
    def meter(self) -> RemoteRun:
        """Itself: a remote run keeps its own clock (the `Execution.meter` the session reads)."""
        return self

    @property
    def elapsed(self) -> float:
        """Seconds of sandbox time the run has spent in its worker so far."""
        return self.spent

    @elapsed.setter
    def elapsed(self, value: float) -> None:
        """(A restored snapshot's elapsed time: what is left of the time limit shrinks to match.)"""
        if self.remaining is not None:
            self.remaining -= value - self.spent
        self.spent = value

    def __del__(self) -> None:
        # A paused run dropped by the host (a snapshot never resumed): its worker is killed.
        if not getattr(self, 'finished', True):
            self.finished = True
            self.pool.unpark(self.worker)
            self.worker.kill()
            self.pool.release(self.worker, reuse=False)

    # -- the Runner protocol ---------------------------------------------------------------------------
    def pin(self) -> None:
        """The host drives the run synchronously (see `Execution.pin`); nothing to do remotely but note it."""
        self.pinned = True

    def unpin(self) -> None:
        """The end of `pin`."""
        self.pinned = False

    def _park(self) -> None:
        """The run now waits for the host: a paused snapshot (not a run being driven) may be evicted."""
        self.waiting = True
        if self.parkable and not self.pinned:
            self.pool.park(self.worker, self)

    @property
    def finished(self) -> bool:
        """Whether the run ended (or its worker was taken back while it was paused)."""
        return self._finished or self.evicted

    @finished.setter
    def finished(self, value: bool) -> None:
        self._finished = value

    def start(self) -> Event:
        """Send the run to a worker, with its limits set, and return its first event."""
        self._set_limits()
        return self._send(self.message)

    def reply(self, reply: Reply) -> Event:
        """Send the host's answer to the worker and return the run's next event."""
        if self.finished:
            raise RuntimeError('this run has already finished')
        if reply is CONTINUE:
            return self._next()
        if reply is FUTURE and self.pending_call is not None:
            self.futures.add(self.pending_call)
        elif isinstance(reply, Resolve):
            self.futures.difference_update(reply.results)
        self.pending_call = None
        try:
            encoded = encode_reply(reply)
        except (MontySnapshotError, ValueError) as e:
            encoded = encode_reply(Raise(TypeError(f'the host value cannot be sent to the sandbox: {e}')))
        return self._send(wire.ReplyMsg(encoded))

    def abandon(self) -> None:
        """Stop the run: the worker unwinds it (or is killed) and is replaced."""
        if self.finished:
            return
        self.finished = True
        worker = self.worker
        if self.parkable:
            self.pool.unpark(worker)
        if self.waiting:  # the worker waits for a reply: it unwinds the run (its frames' `finally`)
            try:
                worker.send(wire.Abandon())
                deadline = time.monotonic() + 0.5
                while type(worker.recv(deadline)) is not wire.Abandoned:
                    pass
            except (WorkerDied, WorkerTimeout, wire.WireError):
                pass
        worker.kill()  # (computing, or unwound: either way it is not reused)
        self.pool.release(worker, reuse=False)

    async def wait_turn(self) -> None:
        """(async hosts) Wait until the worker has written something, or the deadline has passed."""
        timeout = self._deadline_left()
        with anyio.move_on_after(None if timeout is None else max(timeout, 0.0) + 0.001):
            await anyio.wait_readable(self.worker.rfd)

    # -- limits --------------------------------------------------------------------------------------------
    def _set_limits(self) -> None:
        worker, limits = self.worker, self.limits
        ready = worker.wait_ready()
        memory = limits.max_memory
        worker.set_limit(
            resource.RLIMIT_AS,
            resource.RLIM_INFINITY if memory is None else ready.vm_bytes + memory + AS_SLACK,
        )
        duration = limits.max_duration_secs
        if duration is None:
            worker.set_limit(resource.RLIMIT_CPU, resource.RLIM_INFINITY)
        else:
            # A backstop for a host that stops watching (the deadline is the real limit): re-set only
            # when the budget left is short, so that most runs cost no system call here.
            needed = worker.cpu + duration + GRACE + 2
            current = worker.limits.get(resource.RLIMIT_CPU, resource.RLIM_INFINITY)
            if current == resource.RLIM_INFINITY or current < needed:
                worker.set_limit(resource.RLIMIT_CPU, int(needed) + CPU_SLACK)

    def _deadline_left(self) -> float | None:
        if self.remaining is None:
            return None
        return self.t0 + self.remaining + GRACE - time.monotonic()

    # -- messages ------------------------------------------------------------------------------------------
    def _send(self, message: Any) -> Event:
        if self.waiting and self.parkable:
            self.pool.unpark(self.worker)
            if self.evicted:  # (evicted between the snapshot's check and this reply)
                raise RuntimeError('this paused run was evicted from its worker: resume the snapshot again')
        self.waiting = False
        try:
            self.worker.send(message)
        except WorkerDied as e:
            return self._end(self._died(e.returncode), reuse=False)
        self.t0 = time.monotonic()
        return self._next()

    def _next(self) -> Event:
        """Read until the next event (answering prints and hooks); the end of the run on any failure."""
        worker = self.worker
        try:
            while True:
                message = worker.poll_message()
                if message is None:
                    left = self._deadline_left()
                    if left is not None and left <= 0:
                        return self._end(self._timeout(), reuse=False)
                    if self.asynchronous:
                        if not worker.fill(0.0):
                            return YIELD
                    else:
                        worker.fill(left)
                    continue
                event = self._handle(message)
                if event is not None:
                    return event
        except WorkerTimeout:
            return self._end(self._timeout(), reuse=False)
        except WorkerDied as e:
            return self._end(self._died(e.returncode), reuse=False)
        except (wire.WireError, MontySnapshotError) as e:
            return self._end(
                _failure('SystemError', f'the sandbox worker broke the protocol and was killed: {e}'),
                reuse=False,
            )

    def _spent(self) -> None:
        spent = time.monotonic() - self.t0
        self.spent += spent
        if self.remaining is not None:
            self.remaining -= spent

    def _handle(self, message: Any) -> Event | None:
        t = type(message)
        if t is wire.Call:
            args, kwargs = (
                values.decode(message.args, message.extended),
                values.decode(message.kwargs, message.extended),
            )
            if type(args) is not tuple or type(kwargs) is not dict or not all(type(k) is str for k in kwargs):
                raise wire.WireError('call arguments must be a tuple and a dict with str keys')
            if message.name not in self.functions:
                raise wire.WireError(f'a call of {message.name!r}, which the run did not declare')
            self._spent()
            self._park()
            self.pending_call = message.call_id
            return CallEvent(message.call_id, message.name, args, kwargs, message.plain)
        if t is wire.Printed:
            self._printed(message.stream, message.text)
            return None
        if t is wire.HookCall:
            self._hook(message.key, message.args)
            return None
        if t is wire.Futures:
            if not message.call_ids or not self.futures.issuperset(message.call_ids):
                raise wire.WireError('a wait on host futures the run was not given')
            self._spent()
            self._park()
            return FuturesEvent(tuple(message.call_ids))
        if t is wire.Done:
            value = values.decode(message.value, message.extended)
            self.worker.cpu = _cpu(message.cpu)
            return self._end(DoneEvent(value), reuse=not message.recycle)
        if t is wire.Failed:
            error = wire.error_from_doc(message.error)
            self.worker.cpu = _cpu(message.cpu)
            return self._end(
                ErrorEvent(error, self.host_error), reuse=not message.recycle and self.host_error is None
            )
        raise wire.WireError(f'unexpected message {t.__name__} during a run')

    def _printed(self, stream: str, text: str) -> None:
        if stream not in ('stdout', 'stderr'):
            raise wire.WireError(f'unknown stream {stream!r}')
        # The worker stops its run at `max_output_bytes` itself; a worker that sends more lies.
        self.printed += len(text)  # (characters: at most the UTF-8 bytes the worker counts)
        cap = self.limits.max_output_bytes
        if cap is not None and self.printed > cap:
            raise wire.WireError(f'more printed output than max_output_bytes ({cap})')
        if self.host_error is not None:
            return
        started = time.monotonic()
        try:
            if self.print_callback is None:
                (sys.stdout if stream == 'stdout' else sys.stderr).write(text)
            else:
                self.print_callback(stream, text)  # type: ignore[arg-type]
        except BaseException as e:
            # As in-process: the run ends and the host gets the callback's own error.
            self.host_error = e
            raise WorkerDied(None) from None
        finally:
            self.t0 += time.monotonic() - started

    def _hook(self, key: str, raw_args: list[Any]) -> None:
        """Call a host hook for the worker. Its failure goes back as the exception's type name only:
        the worker's own hook wrapper turns that into the same sandbox error as in-process."""
        fn = self.hooks.get(key)
        started = time.monotonic()
        try:
            if fn is None:
                raise LookupError(f'host hook {key!r} is not provided')
            result = fn(*[decode_value(a) for a in raw_args])
            answer = wire.HookAnswer(True, encode_value(result))
        except MontySnapshotError:
            answer = wire.HookAnswer(False, 'TypeError')  # (a result that is no plain value)
        except Exception as e:
            answer = wire.HookAnswer(False, type(e).__name__)
        finally:
            self.t0 += time.monotonic() - started
        self.worker.send(answer)

    # -- the end -----------------------------------------------------------------------------------------
    def _end(self, event: DoneEvent | ErrorEvent, *, reuse: bool) -> Event:
        if not self.finished:
            self._spent()
            self.finished = True
            if not reuse:
                self.worker.kill()
            self.pool.release(self.worker, reuse=reuse)
        if self.host_error is not None and isinstance(event, ErrorEvent) and event.host_error is None:
            event = ErrorEvent(event.error, self.host_error)
        return event

    def _timeout(self) -> ErrorEvent:
        limit = self.limits.max_duration_secs
        return _failure('TimeoutError', f'execution time limit exceeded ({limit:g}s)')

    def _died(self, returncode: int | None) -> ErrorEvent:
        if self.host_error is not None:
            return ErrorEvent(MontyRuntimeError('RuntimeError', 'print_callback failed', []), self.host_error)
        if returncode is not None and returncode < 0:
            sig = -returncode
            try:
                name = signal.Signals(sig).name
            except ValueError:
                name = f'signal {sig}'
            if sig == signal.SIGXCPU:
                return self._timeout()
            if sig == signal.SIGKILL and self.limits.max_memory is not None:
                mib = self.limits.max_memory / 2**20
                return _failure('MemoryError', f'memory limit exceeded ({mib:g} MiB): the worker was killed')
            return _failure('SystemError', f'the sandbox worker crashed ({name}) and was replaced')
        return _failure(
            'SystemError', f'the sandbox worker exited unexpectedly (status {returncode}) and was replaced'
        )


def _declared_functions(message: wire.RunMsg | wire.SessionMsg) -> frozenset[str]:
    """The host functions the run declared: the only names a worker's call may carry."""
    if isinstance(message, wire.RunMsg):
        return frozenset(message.functions)
    names = message.spec.get('external_functions') if isinstance(message.spec, dict) else None
    return frozenset(n for n in names or () if type(n) is str)


def _cpu(reported: float) -> float:
    """The CPU time a worker reports, refused unless a plausible number (it sets the CPU rlimit)."""
    if not (0.0 <= reported < 1e7):  # (NaN and infinity fail too)
        raise wire.WireError(f'implausible CPU time {reported!r}')
    return reported
