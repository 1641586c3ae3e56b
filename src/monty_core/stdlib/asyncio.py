"""`asyncio` in the sandbox: a deterministic loop over sandbox coroutines and host futures.

Offered: `run`, `gather`, `sleep`, `create_task`, `ensure_future`, `wait_for`, `wait`, `as_completed`,
`timeout`, `TaskGroup`, `current_task`, `Lock`, `Event`, `Semaphore`, `BoundedSemaphore`, `Queue`,
`PriorityQueue`, `LifoQueue`, `iscoroutine`, `iscoroutinefunction`, `CancelledError`, `TimeoutError`,
`QueueEmpty`, `QueueFull`, `InvalidStateError`, `ALL_COMPLETED`/`FIRST_COMPLETED`/`FIRST_EXCEPTION`.
There is no access to a host event loop, threads or transports (`get_event_loop`, `shield`,
`to_thread`, `run_in_executor` are absent). Time is virtual: `sleep` and timeouts advance it only when
every task is waiting and no host call is pending, so a timeout never interrupts a host call.
"""

from __future__ import annotations

import asyncio as _asyncio
import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from ..execution.scheduler import HostFuture, Loop, Task
from ..runtime.modules import RunContext
from . import _asyncio_sync
from ._support import bind, ticked


def _factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    loop: Callable[[], Loop] = functools.partial(_run_loop, ctx)

    def ensure_task(aw: Any) -> Task:
        return _ensure_task(loop, aw)

    def run(main: Any, *, debug: Any = None) -> Any:
        if not isinstance(main, Coroutine):
            raise ValueError(f'a coroutine was expected, got {main!r}')
        return loop().run_until_complete(main)

    async def gather(*aws: Any, return_exceptions: bool = False) -> list[Any]:
        tasks = [ensure_task(a) for a in ticked(ctx, aws)]  # host code: it ticks
        results: list[Any] = []
        for task in tasks:
            try:
                results.append(await task)
            except Exception as exc:
                if not return_exceptions:
                    raise
                results.append(exc)
        return results

    async def sleep(delay: float, result: Any = None) -> Any:
        if delay <= 0:
            await _Yield()
        else:
            await loop().sleep(delay)
        return result

    def create_task(coro: Any, *, name: str | None = None) -> Task:
        return loop().create_task(coro, name)

    async def wait_for(aw: Any, timeout: float | None) -> Any:
        task = ensure_task(aw)
        if timeout is None:
            return await task
        return await _with_timeout(loop, task, timeout)

    def iscoroutine(obj: Any) -> bool:
        return isinstance(obj, Coroutine)

    def iscoroutinefunction(func: Any) -> bool:
        return inspect.iscoroutinefunction(func)

    return {
        'run': run,
        'gather': gather,
        'sleep': sleep,
        'create_task': create_task,
        'ensure_future': ensure_task,
        'wait_for': wait_for,
        'iscoroutine': iscoroutine,
        'iscoroutinefunction': iscoroutinefunction,
        'Task': Task,
        'CancelledError': _asyncio.CancelledError,
        'TimeoutError': TimeoutError,
        **_asyncio_sync.exports(loop, ensure_task),
    }


def _run_loop(ctx: RunContext) -> Loop:
    """The loop of the run (made by its first use)."""
    return ctx.hooks['loop']()


def _ensure_task(loop: Callable[[], Loop], aw: Any) -> Task:
    """`aw` as a task of the run's loop: a task as it is, a host call's future or a coroutine wrapped."""
    if type(aw) is Task:
        return aw
    if type(aw) is HostFuture:
        return loop().create_task(_await(aw))
    if isinstance(aw, Coroutine):
        return loop().create_task(aw)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _await(aw: Any) -> Any:
    return await aw


async def _with_timeout(loop: Callable[[], Loop], task: Task, timeout: float) -> Any:
    """`wait_for` with a timeout: a watchdog task cancels `task` when the (virtual) time is up, and the
    cancellation becomes `TimeoutError`."""
    timed_out = [False]

    async def timer() -> None:
        await loop().sleep(timeout)
        if not task.done():
            timed_out[0] = True
            task.cancel()

    watchdog = loop().create_task(timer())
    try:
        return await task
    except _asyncio.CancelledError:
        if timed_out[0]:
            raise TimeoutError() from None
        raise
    finally:
        watchdog.cancel()


class _Yield:
    __slots__ = ()

    def __await__(self) -> Any:
        yield None
