"""Running one `run_code` snippet: drive monty's pause/resume loop, dispatching each host call as a tool call.

Each pause is a `MontySnapshot` (the code called a tool function) or a `MontyFutureSnapshot` (every
sandbox task awaits tool results). A call to an `async` tool function is answered with a future and
recorded; when the code awaits, every awaited call that has not started yet starts as its own asyncio
task, so calls gathered with `asyncio.gather` run concurrently. The sandbox is resumed with whichever
results are ready, in any order. A call that is never awaited never runs (as with a coroutine in Python).
A `sequential` tool (a plain `def` in the stub) runs alone: calls already running finish first.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pydantic_ai.messages import ToolCallPart

from monty_core import MontyComplete, MontyFutureSnapshot, MontyRepl, MontySnapshot

from .dispatch import NestedCall, NestedDispatcher
from .stubs import SandboxCatalog

__all__ = ['SnippetRun']

Progress = MontySnapshot | MontyFutureSnapshot | MontyComplete


class SnippetRun:
    """One snippet fed to the REPL, with its nested calls, captured output and timings."""

    def __init__(
        self,
        *,
        repl: MontyRepl,
        catalog: SandboxCatalog,
        dispatcher: NestedDispatcher,
        max_tool_calls: int,
        parent_call_id: str,
    ) -> None:
        self.repl = repl
        self.catalog = catalog
        self.dispatcher = dispatcher
        self.max_tool_calls = max_tool_calls
        self.parent_call_id = parent_call_id
        self.calls: list[NestedCall] = []
        self.started_at = time.perf_counter()
        self.sandbox_seconds = 0.0
        self._output: list[str] = []
        self._waiting: dict[int, NestedCall] = {}
        self._tasks: dict[int, asyncio.Task[tuple[str, Any]]] = {}
        self._by_id: dict[int, NestedCall] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix='monty-code-mode')

    @property
    def output(self) -> str:
        """Everything the code printed (stdout and stderr, in order)."""
        return ''.join(self._output)

    def _print(self, stream: str, text: str) -> None:
        self._output.append(text)

    async def _step(self, advance: Any, *args: Any, **kwargs: Any) -> Progress:
        """Run the sandbox until its next pause, counting the time spent in it.

        The sandbox computes on this snippet's own worker thread (a paused run must resume on the
        thread it started on), so the event loop stays free for other tasks meanwhile.
        """
        t0 = time.perf_counter()
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._worker, functools.partial(advance, *args, **kwargs))
        finally:
            self.sandbox_seconds += time.perf_counter() - t0

    async def run(self, code: str) -> Any:
        """Run `code` to completion and return its last expression's value.

        Raises:
            MontySyntaxError / MontyRuntimeError / MontyConversionError: as `MontyRepl.feed_start` does.
            UsageLimitExceeded / UserError / AgentRunError: raised by (or for) a nested call; ends the run.
        """
        progress: Progress | None = None
        try:
            progress = await self._step(
                self.repl.feed_start,
                code,
                external_functions=list(self.catalog.functions),
                print_callback=self._print,
            )
            while not isinstance(progress, MontyComplete):
                if isinstance(progress, MontySnapshot):
                    progress = await self._on_call(progress)
                else:
                    progress = await self._on_wait(progress)
            return progress.output
        finally:
            await self._finish(progress)

    async def _on_call(self, snap: MontySnapshot) -> Progress:
        fn = self.catalog.functions[snap.function_name]
        try:
            args = fn.tool_args(snap.args, snap.kwargs)
        except TypeError as e:
            return await self._step(snap.resume, exception=e)
        if len(self.calls) >= self.max_tool_calls:
            return await self._step(snap.resume, exception=RuntimeError(self._limit_message(fn.name)))
        pending = sum(1 for c in self.calls if c.status in ('waiting', 'running'))
        self.dispatcher.check_usage_limit(pending)
        index = len(self.calls) + 1
        call = NestedCall(
            index=index,
            call_id=snap.call_id,
            function=fn,
            part=ToolCallPart(fn.tool_name, args, tool_call_id=f'{self.parent_call_id}-{index}'),
        )
        self.calls.append(call)
        self._by_id[snap.call_id] = call
        if fn.is_async:
            self._waiting[snap.call_id] = call
            return await self._step(snap.resume, future=...)
        # A sequential tool: a barrier, like a `sequential=True` tool among direct calls.
        running = [t for t in self._tasks.values() if not t.done()]
        if running:
            await asyncio.wait(running)
        kind, value = await self.dispatcher.run(call)
        if kind == 'return':
            return await self._step(snap.resume, return_value=value)
        return await self._step(snap.resume, exception=value)

    async def _on_wait(self, snap: MontyFutureSnapshot) -> Progress:
        pending = snap.pending_call_ids
        to_start = [cid for cid in pending if cid in self._waiting]
        if to_start and self.dispatcher.sequential_mode:
            if any(cid in self._tasks for cid in pending):
                to_start = []  # one of the awaited calls already started: let it finish first
            else:
                running = [t for t in self._tasks.values() if not t.done()]
                if running:  # a call the code stopped awaiting (e.g. a failed gather) still runs
                    await asyncio.wait(running)
                to_start = to_start[:1]
        for cid in to_start:
            call = self._waiting.pop(cid)
            self._tasks[cid] = asyncio.create_task(
                self.dispatcher.run(call), name=f'code mode {call.part.tool_name}'
            )
        known = [self._tasks[cid] for cid in pending if cid in self._tasks]
        if not known:  # pragma: no cover - every pending call was recorded in `_on_call`
            raise RuntimeError(f'code mode: the sandbox awaits calls it never made: {pending}')
        if not any(t.done() for t in known):
            await asyncio.wait(known, return_when=asyncio.FIRST_COMPLETED)
        results: dict[int, dict[str, Any]] = {}
        for cid in pending:
            task = self._tasks.get(cid)
            if task is None or not task.done():
                continue
            del self._tasks[cid]
            kind, value = task.result()  # re-raises what must end the run
            results[cid] = {'return_value': value} if kind == 'return' else {'exception': value}
        return await self._step(snap.resume, results)

    async def _finish(self, progress: Progress | None) -> None:
        """Settle whatever is left: cancel calls still running, mark never-awaited ones, stop a paused run."""
        leftover = [t for t in self._tasks.values() if not t.done()]
        for task in leftover:
            task.cancel()
        if leftover:
            await asyncio.gather(*leftover, return_exceptions=True)
        for call in self.calls:
            if call.status == 'running':
                call.status = 'cancelled'
                call.ended_at = time.perf_counter()
            elif call.status == 'waiting':
                call.status = 'not_run'
        self._tasks.clear()
        self._waiting.clear()
        if progress is not None and not isinstance(progress, MontyComplete):
            await asyncio.get_running_loop().run_in_executor(self._worker, _abandon, progress)
        self._worker.shutdown(wait=False)

    def _limit_message(self, name: str) -> str:
        done = Counter(c.function.name for c in self.calls)
        ran = ', '.join(f'{n} (x{k})' if k > 1 else n for n, k in done.items())
        return (
            f'run_code allows at most {self.max_tool_calls} tool calls per run (max_tool_calls='
            f'{self.max_tool_calls}), and this call to {name}() would be number {self.max_tool_calls + 1}. '
            f'Already called: {ran}. Make fewer calls per run_code (filter or batch first), or split the work '
            'across several run_code calls: variables persist between them.'
        )

    def stats(self) -> dict[str, Any]:
        """Sandbox numbers for the trace and the `run_code` return's metadata."""
        durations = [c.duration for c in self.calls if c.duration is not None]
        return {
            'duration_ms': round((time.perf_counter() - self.started_at) * 1000, 3),
            'sandbox_ms': round(self.sandbox_seconds * 1000, 3),
            'tools_ms': round(sum(durations) * 1000, 3),
            'host_calls': len(self.calls),
            'output_bytes': len(self.output.encode('utf-8', 'replace')),
        }


def _abandon(progress: MontySnapshot | MontyFutureSnapshot) -> None:
    """Stop a paused run for good, so its frames unwind without running more sandbox code."""
    progress.close()
