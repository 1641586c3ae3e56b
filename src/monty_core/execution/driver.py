"""The driver: answer a run's events until it ends. One loop for synchronous hosts (`Monty.run`,
`MontyRepl.feed_run`), one for async hosts (`run_monty_async`), and the rules both follow — which the
step-by-step API (`Monty.start`, `MontySnapshot.resume`: see progress.py) follows too:

- a host function's result crosses as sandbox data (`returned`); one that cannot becomes a
  `TypeError` raised at the call site;
- a host function's exception is raised in the sandbox as a fresh builtin exception with the same type
  and message, nothing else (`host_exception`); a `MontyError` (the host function ran sandbox code
  that failed, or converted a bad value) becomes a `TypeError` with its message;
- an awaitable result is a future (`FUTURE`), resolved when the sandbox waits for it;
- a host function that is not provided is a `NameError` in the sandbox;
- at the end, the value is returned or the error raised (`finish`), and a run left unfinished by a
  host exception is abandoned, so its frames unwind without running more sandbox code.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import anyio

from ..convert import PLAIN_ATOMS, plain_copy, to_sandbox
from ..errors import MontyError
from ..runtime.errors import sandbox_exception_from_host
from .protocol import (
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
    Return,
    YieldEvent,
)

__all__ = ['Runner', 'call_host', 'drive_async', 'drive_sync', 'finish', 'host_exception', 'returned']


class Runner(Protocol):
    """What the driver drives: an `Execution`, or a `Session` (an execution with a replay log)."""

    @property
    def finished(self) -> bool:
        """Whether the run has ended (returned, raised or been abandoned)."""
        ...

    def start(self) -> Event:
        """Run until the first event and return it."""
        ...

    def reply(self, reply: Reply) -> Event:
        """Answer the pending event with `reply`, run until the next event and return it."""
        ...

    def abandon(self) -> None:
        """Stop a paused run for good: its frames unwind without running more sandbox code."""
        ...

    def pin(self) -> None:
        """Let the host drive the run synchronously from this thread until `unpin` (`Execution.pin`)."""
        ...

    def unpin(self) -> None:
        """Undo `pin`: the run stops being the thread's current run between replies (`Execution.unpin`)."""
        ...


# -- the rules ----------------------------------------------------------------------------------------
def host_exception(error: BaseException) -> Raise:
    """How an exception from the host is raised in the sandbox (see the module docstring)."""
    if isinstance(error, MontyError):
        return Raise(TypeError(str(error)))
    return Raise(sandbox_exception_from_host(error))


def returned(value: Any, what: str) -> Return:
    """A host value as the sandbox receives it (`what` names it in a `MontyConversionError`)."""
    if type(value) in PLAIN_ATOMS:  # immutable plain values cross as they are
        return Return(value)
    return Return(to_sandbox(value, what))


def _result(value: Any, name: str) -> Return | Raise:
    try:
        return returned(value, f'return value of {name}()')
    except MontyError as e:
        return host_exception(e)


def call_host(fn: Callable[..., Any], event: CallEvent, pending: dict[int, Return | Raise]) -> Reply:
    """Call a host function synchronously. An awaitable result is run to completion now (outside
    any event loop) and answered as a future whose result waits in `pending`."""
    try:
        result = fn(*event.args, **event.kwargs)
    except Exception as e:
        return host_exception(e)
    if type(result) in PLAIN_ATOMS:
        return Return(result)
    copy = plain_copy(result)  # JSON-like records (exact types: never awaitable)
    if copy is not None:
        return Return(copy)
    if inspect.isawaitable(result):
        # Raises MontyError to the host (not into the sandbox) when an event loop is running.
        pending[event.call_id] = _await_now(result, event.function_name)
        return FUTURE
    return _result(result, event.function_name)


def _await_now(awaitable: Any, name: str) -> Return | Raise:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        close = getattr(awaitable, 'close', None)
        if close is not None:
            close()
        raise MontyError(
            f'host function {name}() is async and an event loop is already running in this thread: '
            'await monty_core.run_monty_async(...) instead of calling run()'
        )

    async def wait() -> Any:
        return await awaitable

    try:
        value = asyncio.run(wait())
    except Exception as e:
        return host_exception(e)
    return _result(value, name)


def _not_provided(event: CallEvent) -> Raise:
    return Raise(NameError(f'host function {event.function_name!r} is not provided'))


def finish(ended: list[Event | None]) -> Any:
    """The value of the finished run whose end event is popped from `ended`, or its error raised
    (the host's own error first).

    The event comes in a list the caller no longer holds otherwise, so no frame the error propagates
    through keeps it: the error's traceback holds those frames, and a frame holding the error would
    be a reference cycle, leaving every finished run that failed to the garbage collector.
    """
    event = ended.pop()
    if type(event) is DoneEvent:
        return event.value
    if type(event) is ErrorEvent:
        error = event.error if event.host_error is None else event.host_error
        event = None
        try:
            raise error
        finally:
            error = None  # type: ignore[assignment]
    raise MontyError(f'unexpected event {event!r}')  # pragma: no cover


# -- synchronous hosts ----------------------------------------------------------------------------------
def drive_sync(runner: Runner, functions: Mapping[str, Callable[..., Any]]) -> Any:
    """Run to completion, calling host functions on this thread; return the result or raise."""
    get = functions.get
    pending: dict[int, Return | Raise] = {}
    reply: Reply | None = None
    event: Event | None = None
    runner.pin()  # host calls only stop the run's clock: it stays this thread's run meanwhile
    try:
        event = runner.start()
        while True:
            if type(event) is CallEvent:
                fn = get(event.function_name)
                reply = _not_provided(event) if fn is None else call_host(fn, event, pending)
            elif type(event) is FuturesEvent:
                reply = Resolve({cid: pending.pop(cid) for cid in event.call_ids if cid in pending})
            else:
                break
            event = runner.reply(reply)
    finally:
        reply = None  # (an exception raised into the sandbox: no cycle through this frame)
        runner.unpin()
        if not runner.finished:  # a host function raised a BaseException
            runner.abandon()
    ended: list[Event | None] = [event]
    del event
    return finish(ended)


# -- async hosts ------------------------------------------------------------------------------------------
async def drive_async(runner: Runner, functions: Mapping[str, Callable[..., Any]]) -> Any:
    """Run to completion from async code. Sync host functions are called directly; async ones are
    answered with a future and run concurrently in an anyio task group, so gathered calls overlap.
    `YieldEvent`s (see `Execution.enable_yields`) hand the event loop its turn while the sandbox
    computes. Cancelling the awaiting task abandons the run."""
    results: dict[int, Return | Raise] = {}
    changed = anyio.Event()

    async def call_async(call_id: int, name: str, awaitable: Any) -> None:
        nonlocal changed
        try:
            value = await awaitable
        except Exception as e:
            results[call_id] = host_exception(e)
        else:
            results[call_id] = _result(value, name)
        changed.set()

    outcome: Event | None = None
    try:
        async with anyio.create_task_group() as tg:
            event = runner.start()
            while True:
                if type(event) is CallEvent:
                    fn = functions.get(event.function_name)
                    if fn is None:
                        event = runner.reply(_not_provided(event))
                        continue
                    try:
                        result = fn(*event.args, **event.kwargs)
                    except Exception as e:
                        event = runner.reply(host_exception(e))
                        continue
                    if inspect.isawaitable(result):
                        tg.start_soon(call_async, event.call_id, event.function_name, result)
                        event = runner.reply(FUTURE)
                    else:
                        event = runner.reply(_result(result, event.function_name))
                elif type(event) is FuturesEvent:
                    ready = {cid: results.pop(cid) for cid in event.call_ids if cid in results}
                    while not ready:
                        await changed.wait()
                        changed = anyio.Event()
                        ready = {cid: results.pop(cid) for cid in event.call_ids if cid in results}
                    event = runner.reply(Resolve(ready))
                elif type(event) is YieldEvent:
                    # A runner may say what to wait for (a worker process's pipe); else a plain turn.
                    wait_turn = getattr(runner, 'wait_turn', None)
                    if wait_turn is None:
                        await anyio.sleep(0)
                    else:
                        await wait_turn()
                    event = runner.reply(CONTINUE)
                else:
                    outcome = event
                    tg.cancel_scope.cancel()  # host calls the sandbox started but never awaited
                    break
    finally:
        if not runner.finished:
            runner.abandon()
    # Raised outside the task group, so the caller gets the error itself, not an ExceptionGroup.
    ended: list[Event | None] = [outcome]
    del outcome
    return finish(ended)
