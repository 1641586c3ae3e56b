"""`run_monty_async`: drive a run from async host code.

Sync host functions are called directly; async ones are answered with a future and run concurrently
in an anyio task group, so gathered calls overlap. While sandbox code computes, it hands control back
to the event loop every few milliseconds. Cancelling the awaiting task stops the run.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import anyio

from ..convert import to_sandbox
from ..errors import MontyError
from ..runtime.errors import sandbox_exception_from_host
from ..runtime.output import PrintCallback
from .run import CallEvent, DoneEvent, ErrorEvent, FuturesEvent, YieldEvent

if TYPE_CHECKING:
    from ..api import HostHooks, Monty
    from ..limits import ResourceLimits

YIELD_INTERVAL = 0.005


async def run_monty_async(
    monty: Monty,
    *,
    inputs: Mapping[str, Any] | None = None,
    external_functions: Mapping[str, Callable[..., Any]] | None = None,
    limits: ResourceLimits | Mapping[str, Any] | None = None,
    print_callback: PrintCallback | None = None,
    hooks: HostHooks | Mapping[str, Callable[..., Any]] | None = None,
) -> Any:
    """Run `monty` to completion from async code and return the value of its last expression.

    Host functions may be sync or `async def`; concurrent sandbox calls (`asyncio.gather`) to async
    host functions run concurrently. The event loop stays responsive while the sandbox computes.

    Raises:
        MontyRuntimeError: the code raised an exception it did not handle, or hit a limit.
    """
    functions = monty._check_functions(external_functions)
    execution = monty._new_execution(inputs, functions, limits, print_callback, hooks, checked=True)
    execution.enable_yields(YIELD_INTERVAL)
    results: dict[int, tuple[str, Any]] = {}
    changed = anyio.Event()

    async def call_async(call_id: int, name: str, awaitable: Any) -> None:
        nonlocal changed
        try:
            value = await awaitable
            results[call_id] = ('return', to_sandbox(value, f'return value of {name}()'))
        except MontyError as e:
            results[call_id] = ('raise', TypeError(str(e)))
        except Exception as e:
            results[call_id] = ('raise', sandbox_exception_from_host(e))
        changed.set()

    outcome: DoneEvent | ErrorEvent | None = None
    try:
        async with anyio.create_task_group() as tg:
            event = execution.start()
            while True:
                if isinstance(event, (DoneEvent, ErrorEvent)):
                    outcome = event
                    tg.cancel_scope.cancel()  # host calls the sandbox started but never awaited
                    break
                if isinstance(event, YieldEvent):
                    await anyio.sleep(0)
                    event = execution.reply('continue')
                elif isinstance(event, CallEvent):
                    fn = functions[event.function_name]
                    try:
                        result = fn(*event.args, **event.kwargs)
                    except MontyError as e:
                        event = execution.reply('raise', TypeError(str(e)))
                        continue
                    except Exception as e:
                        event = execution.reply('raise', sandbox_exception_from_host(e))
                        continue
                    if inspect.isawaitable(result):
                        tg.start_soon(call_async, event.call_id, event.function_name, result)
                        event = execution.reply('future')
                    else:
                        try:
                            reply = ('return', to_sandbox(result, f'return value of {event.function_name}()'))
                        except MontyError as e:
                            reply = ('raise', TypeError(str(e)))
                        event = execution.reply(*reply)
                elif isinstance(event, FuturesEvent):
                    ready = {cid: results.pop(cid) for cid in event.call_ids if cid in results}
                    while not ready:
                        await changed.wait()
                        changed = anyio.Event()
                        ready = {cid: results.pop(cid) for cid in event.call_ids if cid in results}
                    event = execution.reply('futures', ready)
                else:  # pragma: no cover
                    raise MontyError(f'unexpected event {event!r}')
    finally:
        if not execution.finished:
            execution.abandon()
    # Raised outside the task group, so the caller gets the error itself, not an ExceptionGroup.
    if isinstance(outcome, ErrorEvent):
        if outcome.host_error is not None:
            raise outcome.host_error
        raise outcome.error
    assert outcome is not None
    return outcome.value
