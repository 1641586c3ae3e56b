"""The sandbox asyncio's coordination tools: `TaskGroup`, `wait`, `as_completed`, `timeout`, `Lock`,
`Event`, `Semaphore`, `BoundedSemaphore`, `Queue`, `PriorityQueue`, `LifoQueue`.

Built on the run's deterministic loop (`execution/scheduler.py`): a waiting task awaits a loop future
(`Loop.create_future`), which another task resolves. Instances are sealed (no attributes can be set).
"""

from __future__ import annotations

import asyncio as _asyncio
import heapq
from collections import deque
from collections.abc import Callable
from typing import Any

from ..execution.scheduler import Loop, Task
from ._support import Sealed, allow, current, seal_set, ticked

ALL_COMPLETED = 'ALL_COMPLETED'
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'


def _loop() -> Loop:
    return current().hooks['loop']()


class Event(Sealed):
    """An event: `wait()` blocks until `set()`."""

    __slots__ = ('_flag', '_waiters')
    _flag: bool
    _waiters: list[Task]

    def __init__(self) -> None:
        seal_set(self, '_flag', False)
        seal_set(self, '_waiters', [])

    def is_set(self) -> bool:
        return self._flag

    def set(self) -> None:
        if not self._flag:
            seal_set(self, '_flag', True)
            waiters, self._waiters[:] = list(self._waiters), []
            for fut in waiters:
                _loop().resolve(fut, True)

    def clear(self) -> None:
        seal_set(self, '_flag', False)

    async def wait(self) -> bool:
        if self._flag:
            return True
        fut = _loop().create_future()
        self._waiters.append(fut)
        await fut
        return True


class Semaphore(Sealed):
    """A counter of permits: `acquire()` blocks while it is zero."""

    __slots__ = ('_bound', '_value', '_waiters')
    _value: int
    _bound: int | None
    _waiters: deque[Task]

    def __init__(self, value: int = 1) -> None:
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        seal_set(self, '_value', value)
        seal_set(self, '_bound', None)
        seal_set(self, '_waiters', deque())

    def locked(self) -> bool:
        return self._value == 0

    async def acquire(self) -> bool:
        if self._value > 0 and not self._waiters:
            seal_set(self, '_value', self._value - 1)
            return True
        fut = _loop().create_future()
        self._waiters.append(fut)
        try:
            await fut  # the releaser hands its permit over
        except _asyncio.CancelledError:
            if fut in self._waiters:
                self._waiters.remove(fut)
            elif fut.done() and not fut.cancelled():
                self.release()
            raise
        return True

    def release(self) -> None:
        while self._waiters:
            fut = self._waiters.popleft()
            if not fut.done():
                _loop().resolve(fut, True)
                return
        if self._bound is not None and self._value >= self._bound:
            raise ValueError('BoundedSemaphore released too many times')
        seal_set(self, '_value', self._value + 1)

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, *exc: Any) -> None:
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released more often than acquired."""

    __slots__ = ()

    def __init__(self, value: int = 1) -> None:
        super().__init__(value)
        seal_set(self, '_bound', value)


class Lock(Semaphore):
    """A mutual-exclusion lock."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(1)

    def release(self) -> None:
        if self._value == 1:
            raise RuntimeError('Lock is not acquired.')
        super().release()


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class Queue(Sealed):
    """A first-in, first-out queue of items for tasks."""

    __slots__ = ('_finished', '_getters', '_items', '_maxsize', '_putters', '_unfinished')
    _items: Any
    _maxsize: int
    _getters: deque[Task]
    _putters: deque[Task]
    _unfinished: int
    _finished: Event

    def __init__(self, maxsize: int = 0) -> None:
        seal_set(self, '_maxsize', maxsize)
        seal_set(self, '_items', self._new())
        seal_set(self, '_getters', deque())
        seal_set(self, '_putters', deque())
        seal_set(self, '_unfinished', 0)
        finished = Event()
        finished.set()
        seal_set(self, '_finished', finished)

    def _new(self) -> Any:
        return deque()

    def _put(self, item: Any) -> None:
        self._items.append(item)

    def _get(self) -> Any:
        return self._items.popleft()

    @property
    def maxsize(self) -> int:
        return self._maxsize

    def qsize(self) -> int:
        return len(self._items)

    def empty(self) -> bool:
        return not self._items

    def full(self) -> bool:
        return 0 < self._maxsize <= len(self._items)

    def _wake(self, waiters: deque[Task]) -> None:
        while waiters:
            fut = waiters.popleft()
            if not fut.done():
                _loop().resolve(fut)
                return

    def put_nowait(self, item: Any) -> None:
        if self.full():
            raise QueueFull
        self._put(item)
        seal_set(self, '_unfinished', self._unfinished + 1)
        self._finished.clear()
        self._wake(self._getters)

    def get_nowait(self) -> Any:
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wake(self._putters)
        return item

    async def put(self, item: Any) -> None:
        while self.full():
            fut = _loop().create_future()
            self._putters.append(fut)
            await fut
        self.put_nowait(item)

    async def get(self) -> Any:
        while self.empty():
            fut = _loop().create_future()
            self._getters.append(fut)
            await fut
        return self.get_nowait()

    def task_done(self) -> None:
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        seal_set(self, '_unfinished', self._unfinished - 1)
        if self._unfinished == 0:
            self._finished.set()

    async def join(self) -> None:
        if self._unfinished > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A queue that returns the smallest item first."""

    __slots__ = ()

    def _new(self) -> Any:
        return []

    def _put(self, item: Any) -> None:
        heapq.heappush(self._items, item)

    def _get(self) -> Any:
        return heapq.heappop(self._items)


class LifoQueue(Queue):
    """A queue that returns the most recently added item first."""

    __slots__ = ()

    def _get(self) -> Any:
        return self._items.pop()


class TaskGroup(Sealed):
    """`async with TaskGroup() as tg: tg.create_task(coro)`: waits for every task; the first failure
    cancels the others and the failures are raised together as an `ExceptionGroup`."""

    __slots__ = ('_aborting', '_errors', '_tasks')
    _tasks: list[Task]
    _errors: list[BaseException]
    _aborting: bool

    def __init__(self) -> None:
        seal_set(self, '_tasks', [])
        seal_set(self, '_errors', [])
        seal_set(self, '_aborting', False)

    async def __aenter__(self) -> TaskGroup:
        return self

    def create_task(self, coro: Any, *, name: str | None = None) -> Task:
        if self._aborting:
            coro.close()
            raise RuntimeError('TaskGroup is shutting down')
        task = _loop().create_task(coro, name)
        self._tasks.append(task)
        task.add_done_callback(self._on_done)
        return task

    def _on_done(self, task: Task) -> None:
        error = task.exception()
        if error is None or isinstance(error, _asyncio.CancelledError):
            return
        self._errors.append(error)
        self._abort()

    def _abort(self) -> None:
        seal_set(self, '_aborting', True)
        for t in self._tasks:
            if not t.done():
                t.cancel()

    async def __aexit__(self, et: Any, exc: Any, tb: Any) -> bool:
        if et is not None and not self._aborting:
            self._abort()
        for task in list(self._tasks):
            while not task.done():
                try:
                    await task
                except BaseException:
                    break
        errors = list(self._errors)
        if et is not None and not issubclass(et, _asyncio.CancelledError):
            errors.append(exc)
        if errors:
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors)
        return False


class _Timeout(Sealed):
    """`async with asyncio.timeout(delay)`: cancels the block after `delay` (virtual) seconds."""

    __slots__ = ('_delay', '_expired', '_task', '_watchdog')
    _delay: float | None
    _expired: bool
    _task: Task | None
    _watchdog: Task | None

    def expired(self) -> bool:
        return self._expired

    async def __aenter__(self) -> _Timeout:
        loop = _loop()
        seal_set(self, '_task', loop.current)
        if self._delay is not None and self._task is not None:
            task = self._task
            delay = self._delay

            async def watchdog() -> None:
                await loop.sleep(delay)
                seal_set(self, '_expired', True)
                task.cancel()

            seal_set(self, '_watchdog', loop.create_task(watchdog()))
        return self

    async def __aexit__(self, et: Any, exc: Any, tb: Any) -> bool:
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self._expired and et is not None and issubclass(et, _asyncio.CancelledError):
            raise TimeoutError() from None
        return False


for _cls in (Event, Semaphore, BoundedSemaphore, Lock):
    allow(_cls, {n for c in _cls.__mro__ for n in vars(c) if not n.startswith('_')})
for _cls in (Queue, PriorityQueue, LifoQueue):
    allow(_cls, {n for c in _cls.__mro__ for n in vars(c) if not n.startswith('_')})
allow(TaskGroup, {'create_task'})
allow(_Timeout, {'expired'})
allow(QueueEmpty, {'args', 'add_note'})
allow(QueueFull, {'args', 'add_note'})
for _cls in (
    Event,
    Semaphore,
    BoundedSemaphore,
    Lock,
    Queue,
    PriorityQueue,
    LifoQueue,
    TaskGroup,
    QueueEmpty,
    QueueFull,
):
    _cls.__module__ = 'asyncio'


def exports(loop: Callable[[], Loop], ensure_task: Callable[[Any], Task]) -> dict[str, Any]:
    """The coordination part of the sandbox's `asyncio` module."""

    async def wait(aws: Any, *, timeout: float | None = None, return_when: str = ALL_COMPLETED) -> Any:
        return await _wait(loop, ensure_task, aws, timeout, return_when)

    def as_completed(aws: Any, *, timeout: float | None = None) -> Any:
        return _as_completed(loop, ensure_task, aws, timeout)

    def timeout(delay: float | None) -> _Timeout:
        t = object.__new__(_Timeout)
        for name, value in (('_delay', delay), ('_expired', False), ('_task', None), ('_watchdog', None)):
            seal_set(t, name, value)
        return t

    def current_task() -> Task | None:
        return loop().current

    return {
        'wait': wait,
        'as_completed': as_completed,
        'timeout': timeout,
        'current_task': current_task,
        'TaskGroup': TaskGroup,
        'Event': Event,
        'Lock': Lock,
        'Semaphore': Semaphore,
        'BoundedSemaphore': BoundedSemaphore,
        'Queue': Queue,
        'PriorityQueue': PriorityQueue,
        'LifoQueue': LifoQueue,
        'QueueEmpty': QueueEmpty,
        'QueueFull': QueueFull,
        'InvalidStateError': _asyncio.InvalidStateError,
        'ALL_COMPLETED': ALL_COMPLETED,
        'FIRST_COMPLETED': FIRST_COMPLETED,
        'FIRST_EXCEPTION': FIRST_EXCEPTION,
    }


class _Completion:
    """How many of `wait()`'s tasks finished, and whether one failed: counted as tasks finish (testing
    every task at every completion is quadratic in host code)."""

    __slots__ = ('_done', '_failed', '_return_when', '_total')

    def __init__(self, total: int, return_when: str) -> None:
        self._total = total
        self._return_when = return_when
        self._done = 0
        self._failed = False

    def note(self, t: Task) -> None:
        self._done += 1
        if not t.cancelled() and t.exception() is not None:
            self._failed = True

    def finished(self) -> bool:
        """Whether `wait()` may return (its `return_when`)."""
        if self._return_when == FIRST_COMPLETED:
            return self._done > 0
        if self._return_when == FIRST_EXCEPTION and self._failed:
            return True
        return self._done == self._total


async def _wait(
    loop: Callable[[], Loop],
    ensure_task: Callable[[Any], Task],
    aws: Any,
    timeout: float | None,
    return_when: str,
) -> Any:
    tasks = {ensure_task(a) for a in ticked(current(), aws)}  # host code: it ticks
    if not tasks:
        raise ValueError('Set of Tasks/Futures is empty.')
    completion = _Completion(len(tasks), return_when)
    for t in ticked(current(), tasks):
        if t.done():
            completion.note(t)
    if not completion.finished():
        await _until_finished(loop, tasks, completion, timeout)
    done = {t for t in tasks if t.done()}
    return done, tasks - done


async def _until_finished(
    loop: Callable[[], Loop], tasks: set[Task], completion: _Completion, timeout: float | None
) -> None:
    """Wait until `completion` says so, or the timeout (virtual time) is up."""
    fut = loop().create_future()

    def check(t: Task) -> None:
        completion.note(t)
        if completion.finished():
            loop().resolve(fut)

    for t in tasks:
        t.add_done_callback(check)
    watchdog = None
    if timeout is not None:

        async def expire() -> None:
            await loop().sleep(timeout)
            loop().resolve(fut)

        watchdog = loop().create_task(expire())
    await fut
    if watchdog is not None:
        watchdog.cancel()


def _as_completed(
    loop: Callable[[], Loop], ensure_task: Callable[[Any], Task], aws: Any, timeout: float | None
) -> Any:
    tasks = [ensure_task(a) for a in ticked(current(), aws)]  # host code: it ticks
    queue = Queue()
    for t in tasks:
        t.add_done_callback(queue.put_nowait)

    async def next_result() -> Any:
        if timeout is None:
            task = await queue.get()
        else:
            getter = loop().create_task(queue.get())
            done, _ = await _wait(loop, ensure_task, [getter], timeout, ALL_COMPLETED)
            if not done:
                getter.cancel()
                raise TimeoutError()
            task = getter.result()
        return task.result()

    return iter([next_result() for _ in tasks])
