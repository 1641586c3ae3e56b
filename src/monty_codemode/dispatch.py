"""Nested tool calls: each call the sandbox makes runs through Pydantic AI's own `ToolManager`.

`ToolManager.handle_call(..., wrap_validation_errors=False)` gives a nested call everything a direct call
gets (argument validation, capability hooks, approval/deferral handlers, instrumentation spans, usage
counting), while a failure comes back as the raw exception, which is re-raised inside the sandbox at the
call site, as a builtin exception the code can catch:

| the tool (or its validation) | raised in the sandbox as |
| --- | --- |
| arguments fail validation (`ValidationError`) | `ValueError('name(): invalid arguments: ...')` |
| raises `ModelRetry(msg)` | `ValueError('name(): msg')` |
| raises `ToolFailed(msg)` | `RuntimeError('name() failed: msg')` |
| is denied by an approval handler (`ToolDenied`) | `PermissionError('name() was denied: msg')` |
| needs approval / is deferred and no handler resolved it | `RuntimeError(...)` |
| raises any other exception | the same message, as its nearest builtin type |

`UsageLimitExceeded`, `UserError`, other `AgentRunError`s and cancellation end the run as they would for
a direct call. A nested failure never spends the nested tool's retry budget; if the code lets it escape,
the `run_code` call as a whole is retried.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from opentelemetry.context import Context
from pydantic import ValidationError
from pydantic_ai import RunContext, ToolDenied, ToolReturn
from pydantic_ai.exceptions import (
    AgentRunError,
    ApprovalRequired,
    CallDeferred,
    ModelRetry,
    ToolFailed,
    UsageLimitExceeded,
    UserError,
)
from pydantic_ai.messages import ToolCallPart, ToolReturnPart, UserContent
from pydantic_ai.tool_manager import ToolManager
from pydantic_ai.toolsets import AbstractToolset
from pydantic_ai.toolsets.abstract import ToolsetTool

from .results import preview, to_sandbox_value
from .stubs import SandboxFunction
from .tracing import use_context

__all__ = ['NestedCall', 'NestedDispatcher', 'NestedStatus']

NestedStatus = Literal['waiting', 'running', 'returned', 'failed', 'denied', 'cancelled', 'not_run']


@dataclass(kw_only=True)
class NestedCall:
    """One call the sandbox made to a tool, and how it ended."""

    index: int
    """1-based order of the call within its `run_code` call."""
    call_id: int
    """The sandbox's id for the call."""
    function: SandboxFunction
    part: ToolCallPart
    """The tool call as dispatched (real tool name and argument names)."""
    status: NestedStatus = 'waiting'
    started_at: float | None = None
    ended_at: float | None = None
    value: Any = None
    """The tool's return value (a `ToolReturn` unwrapped), when it returned."""
    error: str | None = None
    """`Type: message` of the exception the sandbox saw, when it failed."""
    user_content: list[UserContent] = field(default_factory=list[UserContent])
    """`ToolReturn.content` of the result: sent to the model with the `run_code` result, never into the sandbox."""
    return_metadata: Any = None

    @property
    def duration(self) -> float | None:
        """Seconds from start to end, or `None` until the call has both."""
        if self.started_at is None or self.ended_at is None:
            return None
        return self.ended_at - self.started_at

    def describe(self) -> str:
        """One line for a retry message: the call as written, and what became of it."""
        args = ', '.join(
            f'{self.function.argument_name(k)}={preview(v, nested=True)}' for k, v in self.args.items()
        )
        head = f'{self.function.name}({args})'
        outcome = {
            'waiting': 'was never awaited, so it did not run',
            'running': 'had not finished (it may have had an effect)',
            'returned': f'returned {preview(self._sandbox_value())}',
            'failed': f'raised {self.error}',
            'denied': f'was denied ({self.error})',
            'cancelled': 'was cancelled before it finished (it may have had an effect)',
            'not_run': 'was never awaited, so it did not run',
        }[self.status]
        return f'{head} {outcome}'

    def _sandbox_value(self) -> Any:
        # Preview what the code received (a pydantic model is a dict there), not the tool's own object,
        # which `preview` could only show as `<Item>`.
        try:
            return to_sandbox_value(self.value)
        except TypeError:
            return self.value

    @property
    def args(self) -> dict[str, Any]:
        """The call's arguments as dispatched (`{}` when the part's args are not a dict)."""
        return self.part.args if isinstance(self.part.args, dict) else {}

    def return_part(self) -> ToolReturnPart | None:
        """The call's outcome as a `ToolReturnPart` (for the `run_code` return's metadata)."""
        if self.status == 'returned':
            return ToolReturnPart(
                tool_name=self.part.tool_name,
                content=self.value,
                tool_call_id=self.part.tool_call_id,
                metadata=self.return_metadata,
            )
        if self.status in ('failed', 'denied'):
            return ToolReturnPart(
                tool_name=self.part.tool_name,
                content=self.error or '',
                tool_call_id=self.part.tool_call_id,
                outcome='denied' if self.status == 'denied' else 'failed',
            )
        return None

    def summary(self, origin: float) -> dict[str, Any]:
        """Plain data for traces and the demo: name, args, status, timing relative to `origin`."""
        out: dict[str, Any] = {
            'tool_call_id': self.part.tool_call_id,
            'tool_name': self.part.tool_name,
            'function': self.function.name,
            'args': self.args,
            'status': self.status,
        }
        if self.started_at is not None:
            out['start_ms'] = round((self.started_at - origin) * 1000, 3)
        if self.ended_at is not None:
            out['end_ms'] = round((self.ended_at - origin) * 1000, 3)
        if self.error is not None:
            out['error'] = self.error
        return out


class NestedDispatcher:
    """Runs the sandbox's calls for one `run_code` call through a `ToolManager` over the wrapped toolset.

    Only the tools selected into the sandbox are known to it, so code can't reach a native tool or
    `run_code` itself.
    """

    def __init__(
        self,
        ctx: RunContext[Any],
        wrapped: AbstractToolset[Any],
        tools: dict[str, ToolsetTool[Any]],
        otel_ctx: Context,
    ) -> None:
        parent = ctx.tool_manager
        if parent is None:
            raise UserError('code mode needs `RunContext.tool_manager` (run `run_code` inside an agent run)')
        self.ctx = ctx
        self.otel_ctx = otel_ctx
        self.tool_manager: ToolManager[Any] = ToolManager(
            toolset=wrapped, root_capability=parent.root_capability, ctx=ctx, tools=tools
        )

    @property
    def sequential_mode(self) -> bool:
        """Whether the run asked for every tool call to run one at a time."""
        return self.tool_manager.get_parallel_execution_mode() == 'sequential'

    def check_usage_limit(self, pending: int) -> None:
        """Raise `UsageLimitExceeded` if one more call would exceed the run's `tool_calls_limit`.

        Counts the calls already made, the `pending` ones not yet counted (gathered calls), this one
        and the `run_code` call itself (counted once it returns).
        """
        limits = self.ctx.usage_limits
        if limits is None or limits.tool_calls_limit is None:
            return
        projected = replace(self.ctx.usage, tool_calls=self.ctx.usage.tool_calls + pending + 2)
        limits.check_before_tool_call(projected)

    async def run(self, call: NestedCall) -> tuple[Literal['return', 'raise'], Any]:
        """Run one call; return how the sandbox should see it: `('return', value)` or `('raise', exc)`."""
        name = call.function.name
        call.status = 'running'
        call.started_at = time.perf_counter()
        try:
            with use_context(self.otel_ctx):
                result = await self.tool_manager.handle_call(call.part, wrap_validation_errors=False)
        except ValidationError as e:
            return self._fail(
                call, ValueError(f'{name}(): invalid arguments: {self._validation_text(call, e)}')
            )
        except ModelRetry as e:
            return self._fail(call, ValueError(f'{name}(): {e.message}'))
        except ToolFailed as e:
            return self._fail(call, RuntimeError(f'{name}() failed: {e}'))
        except (CallDeferred, ApprovalRequired) as e:
            what = 'needs approval' if isinstance(e, ApprovalRequired) else 'was deferred'
            return self._fail(
                call,
                RuntimeError(
                    f'{name}() {what}, and code mode cannot wait for that: no handler resolved it during the run '
                    '(add a `HandleDeferredToolCalls` capability, or keep the tool out of run_code)'
                ),
            )
        except (AgentRunError, UserError, UsageLimitExceeded):
            call.status, call.ended_at = 'failed', time.perf_counter()
            raise
        except Exception as e:
            return self._fail(call, e)
        call.ended_at = time.perf_counter()
        if isinstance(result, ToolDenied):
            call.status = 'denied'
            call.error = result.message
            return ('raise', PermissionError(f'{name}() was denied: {result.message}'))
        value = result
        if isinstance(result, ToolReturn):
            value = result.return_value
            call.return_metadata = result.metadata
            if result.content:
                call.user_content = (
                    [result.content] if isinstance(result.content, str) else list(result.content)
                )
        call.status = 'returned'
        call.value = value
        try:
            return ('return', to_sandbox_value(value))
        except TypeError as e:
            return ('raise', TypeError(f'{name}() returned a value the sandbox cannot hold: {e}'))

    def _fail(self, call: NestedCall, error: Exception) -> tuple[Literal['raise'], Exception]:
        call.status = 'failed'
        call.ended_at = call.ended_at or time.perf_counter()
        call.error = f'{type(error).__name__}: {error}'
        return ('raise', error)

    @staticmethod
    def _validation_text(call: NestedCall, error: ValidationError) -> str:
        parts: list[str] = []
        for err in error.errors(include_url=False):
            loc = [str(p) for p in err.get('loc', ())]
            if loc:
                loc[0] = call.function.argument_name(loc[0])
            where = '.'.join(loc)
            parts.append(f'{where}: {err.get("msg", "")}' if where else str(err.get('msg', '')))
        return '; '.join(parts) or str(error)
