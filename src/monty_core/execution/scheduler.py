"""A tiny deterministic event loop for sandbox coroutines.

It runs inside the sandbox's greenlet. Tasks run in creation order; a task that awaits a host future
blocks until the host resolves it; when every task is blocked on host futures, the loop asks the host
once for all of them (`Execution.wait_for_host`), so gathered host calls are seen together and may be
resolved in any order. `asyncio.sleep` uses virtual time: sleepers wake in deadline order once
nothing else can run and no host call is pending, so runs stay deterministic and never block the host.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Coroutine, Generator
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.memory import CURRENT


class HostFuture:
    """The pending result of a host call answered with `future`: awaitable once, in the sandbox."""

    __slots__ = ('call_id', 'done', 'error', 'name', 'value')

    def __init__(self, call_id: int, name: str) -> None:
        self.call_id = call_id
        self.name = name
        self.done = False
        self.value: Any = None
        self.error: BaseException | None = None

    def __await__(self) -> Generator[Any, Any, Any]:
        if not self.done:
            yield self
        if self.error is not None:
            raise self.error
        return self.value

    def __repr__(self) -> str:
        return f'<pending host call {self.name}() #{self.call_id}>'


class Task:
    """A sandbox coroutine scheduled on the loop (`asyncio.create_task`, `gather`)."""

    __slots__ = (
        '_callbacks',
        '_coro',
        '_done',
        '_error',
        '_loop',
        '_name',
        '_result',
        'cancel_pending',
        'cancelled_flag',
        'is_future',
        'waiting',
    )

    def __init__(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self._coro = coro
        self._name = name
        self._done = False
        self._result: Any = None
        self._error: BaseException | None = None
        self._callbacks: list[Callable[[Task], None]] = []
        self.cancelled_flag = False
        self.cancel_pending = False
        self.is_future = False
        self.waiting: Any = None
        self._loop: Loop | None = None

    def done(self) -> bool:
        """Whether the task has finished (returned, raised or been cancelled)."""
        return self._done

    def result(self) -> Any:
        """The task's return value; raises its exception, or `InvalidStateError` while it is not done."""
        if not self._done:
            from asyncio import InvalidStateError  # CPython's type, not RuntimeError

            raise InvalidStateError('Result is not set.')
        if self._error is not None:
            raise self._error
        return self._result

    def exception(self) -> BaseException | None:
        """The exception the task ended with (None if it returned); raises `InvalidStateError` while
        it is not done."""
        if not self._done:
            from asyncio import InvalidStateError

            raise InvalidStateError('Exception is not set.')
        return self._error

    def cancelled(self) -> bool:
        """Whether the task ended with `CancelledError`."""
        from asyncio import CancelledError

        return self._done and isinstance(self._error, CancelledError)

    def cancel(self, msg: Any = None) -> bool:
        """Ask the task to cancel: it sees `CancelledError` at its next step (woken if blocked); False when
        it is done already."""
        if self._done:
            return False
        self.cancelled_flag = True
        if self._loop is not None:
            self._loop.wake_cancelled(self)
        else:
            self.cancel_pending = True
        return True

    def add_done_callback(self, fn: Callable[[Task], None]) -> None:
        """Call `fn(task)` when the task finishes (at once if it has)."""
        if self._done:
            fn(self)
        else:
            self._callbacks.append(fn)

    def get_name(self) -> str:
        """The task's name (`Task-N` unless one was given)."""
        return self._name

    def __await__(self) -> Generator[Any, Any, Any]:
        while not self._done:
            yield self
        return self.result()

    def __repr__(self) -> str:
        state = 'done' if self._done else 'pending'
        return f'<Task {state} name={self._name!r}>'


ALLOWED[Task] = frozenset(
    {'done', 'result', 'exception', 'cancelled', 'cancel', 'get_name', 'add_done_callback'}
)
ALLOWED[HostFuture] = frozenset()


class Loop:
    """The event loop of one run (created on first use)."""

    def __init__(self, wait_for_host: Callable[[list[HostFuture]], None]) -> None:
        self.wait_for_host = wait_for_host
        self.ready: deque[tuple[Task, Any, BaseException | None]] = deque()
        self.blocked: dict[int, Task] = {}  # id(task) -> task, blocked on something
        self.host_waiters: dict[int, list[Task]] = {}  # call_id -> tasks
        self.futures: dict[int, HostFuture] = {}
        self.task_waiters: dict[int, list[Task]] = {}  # id(awaited task) -> tasks
        self.sleepers: list[tuple[float, int, Task]] = []
        self.now = 0.0
        self.counter = 0
        self.running = False
        self.current: Task | None = None
        self.unfinished: dict[int, Task] = {}  # id(task) -> task, to close them if the run is abandoned

    def create_task(self, coro: Any, name: str | None = None) -> Task:
        """Schedule `coro` (or a host future, awaited in a coroutine) as a new task, to run after the
        tasks already ready."""
        if type(coro) is HostFuture:
            # An `async` host function returns a HostFuture where Python would give a coroutine, so
            # `asyncio.create_task(tool(...))` (which type-checks against the async stub) must accept it.
            coro = _await_host(coro)
        if not isinstance(coro, Coroutine):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        self.counter += 1
        task = Task(coro, name or f'Task-{self.counter}')
        task._loop = self
        self.unfinished[id(task)] = task
        self.ready.append((task, None, None))
        return task

    def create_future(self) -> Task:
        """A task that runs no coroutine: awaiting it blocks until `resolve` is called."""
        self.counter += 1
        coro = _noop()
        coro.close()
        future = Task(coro, f'Future-{self.counter}')
        future._loop = self
        future.is_future = True
        return future

    def resolve(self, future: Task, result: Any = None, error: BaseException | None = None) -> None:
        """Finish a future made by `create_future` (no effect once it is done)."""
        if not future.done():
            self._finish(future, result, error)

    def wake_cancelled(self, task: Task) -> None:
        """Deliver a cancellation: a blocked task is made ready so that it sees `CancelledError`."""
        if task.done():
            return
        if task.is_future:
            from asyncio import CancelledError

            self._finish(task, None, CancelledError())
            return
        task.cancel_pending = True
        if self.blocked.pop(id(task), None) is None:
            return
        for waiters in (*self.host_waiters.values(), *self.task_waiters.values()):
            if task in waiters:
                waiters.remove(task)
        if any(entry[2] is task for entry in self.sleepers):
            self.sleepers = [entry for entry in self.sleepers if entry[2] is not task]
            heapq.heapify(self.sleepers)
        self.ready.append((task, None, None))

    def sleep(self, delay: float) -> Any:
        """An awaitable that wakes after `delay` seconds of the loop's virtual time."""
        return _Sleep(self.now + max(float(delay), 0.0))

    def run_until_complete(self, coro: Any) -> Any:
        """`asyncio.run(coro)`: run `coro` as the main task, stepping every ready task and waiting for
        the host or a sleeper when all are blocked, until it is done; returns its result."""
        if self.running:
            raise RuntimeError('asyncio.run() cannot be called from a running event loop')
        main = self.create_task(coro)  # named 'Task-1' as in a fresh CPython process
        self.running = True
        try:
            while not main.done():
                self._step_all()
                if main.done():
                    break
                if not self.ready:
                    self._wait()
        except BaseException:
            self._close_unfinished()
            raise
        finally:
            self.running = False
        return main.result()

    def _close_unfinished(self) -> None:
        """The run is ending abnormally (abandoned, cancelled, stopped): close every task's coroutine now,
        under the stopped meter, rather than when the garbage collector finds it."""
        tasks, self.unfinished = list(self.unfinished.values()), {}
        for task in tasks:
            try:
                task._coro.close()
            except BaseException:  # the stopped meter raises in the coroutine's own cleanup code
                pass

    def _wait(self) -> None:
        pending = [f for f in self.futures.values() if not f.done and f.call_id in self.host_waiters]
        if pending:
            self.wait_for_host(pending)
            for fut in pending:
                if fut.done:
                    self._wake_host(fut)
            return
        if self.sleepers:
            deadline, _, task = heapq.heappop(self.sleepers)
            self.now = max(self.now, deadline)
            self.blocked.pop(id(task), None)
            self.ready.append((task, None, None))
            return
        raise RuntimeError('deadlock: every sandbox task is waiting and nothing can wake them')

    def _wake_host(self, fut: HostFuture) -> None:
        for task in self.host_waiters.pop(fut.call_id, []):
            self.blocked.pop(id(task), None)
            self.ready.append((task, None, None))

    def _step_all(self) -> None:
        # One host loop over every ready task (`gather` of 10^5 coroutines): each step ticks the run's
        # meter, so a stopped run (time limit) ends here rather than after stepping them all.
        ticker = CURRENT.ticker
        while self.ready:
            if ticker is not None:
                next(ticker)
            task, value, error = self.ready.popleft()
            self._step(task, value, error)

    def _step(self, task: Task, value: Any, error: BaseException | None) -> None:
        from asyncio import CancelledError

        coro = task._coro
        if task.cancel_pending and error is None:
            task.cancel_pending = False
            error = CancelledError()
        self.current = task
        try:
            yielded = coro.throw(error) if error is not None else coro.send(value)
        except StopIteration as stop:
            self._finish(task, stop.value, None)
            return
        except BaseException as exc:
            self._finish(task, None, exc)
            if not isinstance(exc, (Exception, CancelledError)):
                raise
            return
        finally:
            self.current = None
        self._park(task, yielded)

    def _park(self, task: Task, yielded: Any) -> None:
        task.waiting = yielded
        if yielded is None:
            self.ready.append((task, None, None))
        elif type(yielded) is HostFuture:
            if yielded.done:
                self.ready.append((task, None, None))
            else:
                self.futures[yielded.call_id] = yielded
                self.host_waiters.setdefault(yielded.call_id, []).append(task)
                self.blocked[id(task)] = task
        elif type(yielded) is Task:
            if yielded.done():
                self.ready.append((task, None, None))
            else:
                self.task_waiters.setdefault(id(yielded), []).append(task)
                self.blocked[id(task)] = task
        elif type(yielded) is _Sleep:
            self.counter += 1
            heapq.heappush(self.sleepers, (yielded.deadline, self.counter, task))
            self.blocked[id(task)] = task
        else:
            err = RuntimeError(f'Task got bad yield: {yielded!r}')
            self.ready.append((task, None, err))

    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        self.unfinished.pop(id(task), None)
        task._done = True
        task._result = result
        task._error = error
        for waiter in self.task_waiters.pop(id(task), []):
            self.blocked.pop(id(waiter), None)
            self.ready.append((waiter, None, None))
        callbacks, task._callbacks = task._callbacks, []
        for cb in callbacks:
            cb(task)


async def _noop() -> None:
    return None


async def _await_host(future: HostFuture) -> Any:
    return await future


class _Sleep:
    __slots__ = ('deadline',)

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline

    def __await__(self) -> Generator[Any, Any, None]:
        yield self


ALLOWED[_Sleep] = frozenset()
