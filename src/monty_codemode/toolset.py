"""`CodeModeToolset`: the wrapped toolset's selected tools become Python functions inside one `run_code` tool.

```python
from pydantic_ai import Agent
from monty_codemode import CodeModeToolset

agent = Agent('openai:gpt-5', toolsets=[CodeModeToolset(my_toolset)])
```

The model sees `run_code(code, restart=False)`, whose description holds the sandbox rules and a typed
stub per selected tool. Each `run_code` call: type-check the code against those stubs (ty), run it in a
`monty_core.MontyRepl` (state persists across calls within one agent run), dispatch every tool call the
code makes through Pydantic AI's `ToolManager`, and return the last expression's value and the printed
output. Anything that goes wrong in the code comes back to the model as a `ModelRetry` it can act on.
"""

from __future__ import annotations

import functools
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, Literal, NotRequired, Self, cast

import anyio.to_thread
from pydantic import Field, TypeAdapter
from pydantic_ai import RunContext, ToolReturn
from pydantic_ai.exceptions import ModelRetry, UserError
from pydantic_ai.messages import ToolCallPart, ToolKind, UserContent
from pydantic_ai.tools import ToolDefinition, ToolSelector, matches_tool_selector
from pydantic_ai.toolsets import AbstractToolset, WrapperToolset
from pydantic_ai.toolsets.abstract import SchemaValidatorProt, ToolsetTool
from pydantic_core import to_json
from typing_extensions import TypedDict, TypeVar

from monty_core import (
    MontyConversionError,
    MontyRepl,
    MontyRuntimeError,
    MontySyntaxError,
    ResourceLimits,
)
from monty_core.limits import resolve_limits as check_limits
from monty_core.process import ProcessPool
from monty_core.runtime.modules import available_modules
from monty_core.typecheck import TyUnavailableError, default_checker, type_check

from .description import CODE_DESCRIPTION, RESTART_DESCRIPTION, build_description
from .dispatch import NestedDispatcher
from .feedback import (
    conversion_error_message,
    return_metadata,
    runtime_error_message,
    syntax_error_message,
    type_error_message,
)
from .results import shape_result
from .runner import SnippetRun
from .stubs import SandboxCatalog, build_catalog, warn_missing_return_schemas
from .tracing import capture_context, record_code, record_stats

__all__ = [
    'RUN_CODE_KIND',
    'RUN_CODE_TOOL_NAME',
    'CodeModeResourceLimits',
    'CodeModeToolset',
    'RunCodeArgs',
    'RunCodeCallPart',
]

# The agent's dependencies type. Invariant here: a toolset both receives and hands out `RunContext[DepsT]`.
AgentDepsT = TypeVar('AgentDepsT', default=None)

RUN_CODE_TOOL_NAME = 'run_code'
SCRIPT_NAME = 'run_code.py'
DEFAULT_RESOURCE_LIMITS: dict[str, Any] = {'max_duration_secs': 30.0, 'max_memory': 256 * 1024 * 1024}
# Framework control tools (tool search, capability loading) drive protocol-level flows: they stay native.
_CONTROL_TOOL_KINDS = frozenset({'tool-search', 'capability-load'})

CodeModeResourceLimits = ResourceLimits | Literal['unlimited']
"""`monty_core.ResourceLimits` (any subset of its keys), or `'unlimited'` for no time or memory limit."""


class RunCodeArgs(TypedDict):
    """Arguments of a `run_code` call."""

    code: Annotated[str, Field(description=CODE_DESCRIPTION)]
    restart: NotRequired[Annotated[bool, Field(description=RESTART_DESCRIPTION)]]


RUN_CODE_KIND: ToolKind[RunCodeArgs, Any] = ToolKind('monty', RUN_CODE_TOOL_NAME, args=RunCodeArgs)
"""The kind of the `run_code` tool (`'monty.run_code'`): its call parts become `RunCodeCallPart`."""


class RunCodeCallPart(ToolCallPart[RunCodeArgs], kind=RUN_CODE_KIND):
    """A `run_code` call in message history, recognisable with `isinstance` whatever the tool is named."""

    @property
    def code(self) -> str | None:
        """The submitted code, or `None` while the arguments are incomplete or malformed."""
        typed = self.typed_args
        return typed['code'] if typed is not None else None


_RUN_CODE_ADAPTER: TypeAdapter[RunCodeArgs] = TypeAdapter(RunCodeArgs)
_RUN_CODE_SCHEMA = _RUN_CODE_ADAPTER.json_schema()
_RUN_CODE_VALIDATOR = cast(SchemaValidatorProt, _RUN_CODE_ADAPTER.validator)


def resolve_limits(limits: CodeModeResourceLimits | Mapping[str, Any] | None) -> dict[str, Any]:
    """The sandbox limits for each `run_code` call: 30 s and 256 MiB unless overridden.

    Raises:
        UserError: an unknown key (`max_suspensions`, which monty has no use for, is ignored with a warning).
    """
    if limits == 'unlimited':
        return {'max_duration_secs': None, 'max_memory': None}
    resolved = dict(DEFAULT_RESOURCE_LIMITS)
    if limits is None:
        return resolved
    if not isinstance(limits, Mapping):
        raise UserError(f"resource_limits must be a dict of limits or 'unlimited', not {limits!r}")
    given = dict(limits)
    if 'max_suspensions' in given:
        given.pop('max_suspensions')
        warnings.warn(
            'resource_limits: `max_suspensions` has no meaning in monty and is ignored; '
            'bound tool calls with `max_tool_calls`',
            UserWarning,
            stacklevel=3,
        )
    try:
        check_limits(given)  # the sandbox's own check: each key known, each value of the right kind
    except (TypeError, ValueError) as e:
        raise UserError(f'resource_limits: {e}') from None
    resolved.update(given)
    return resolved


@dataclass(kw_only=True)
class _RunCodeTool(ToolsetTool[AgentDepsT]):
    """The `run_code` tool of one run step, with the sandbox functions it was described with."""

    catalog: SandboxCatalog
    sandboxed: dict[str, ToolsetTool[AgentDepsT]]
    """The wrapped tools callable from the sandbox, by real name."""


class _ReplState:
    """The sandbox of one agent run: the REPL and the code it ran (for type-checking later snippets)."""

    def __init__(self) -> None:
        self.repl: MontyRepl | None = None
        self.history: list[str] = []

    def reset(self) -> None:
        self.repl = None
        self.history = []


class SharedState:
    """State every copy of one toolset shares (across runs and steps): warnings given, stubs built."""

    def __init__(self) -> None:
        self.warned_return_schema: set[str] = set()
        self.catalogs: OrderedDict[tuple[Any, ...], SandboxCatalog] = OrderedDict()
        self.ty_unavailable_warned = False


@dataclass
class CodeModeToolset(WrapperToolset[AgentDepsT]):
    """Expose the wrapped toolset's tools to the model as Python functions inside one `run_code` tool.

    Args:
        wrapped: the toolset whose tools go into the sandbox.
        tool_selector: which tools go in: `'all'` (default; every tool except framework control tools,
            native-tool fallbacks, other code-execution tools and external tools), a list of names, a
            predicate `(ctx, tool_def) -> bool` (sync or async), or a metadata dict the tool's
            `ToolDefinition.metadata` must include. The others stay native tools.
        max_retries: how many times the model may retry `run_code` (type, syntax and runtime errors).
        max_tool_calls: tool calls one `run_code` call may make; the next raises `RuntimeError` in the code.
        resource_limits: `monty_core.ResourceLimits` for each call (default 30 s of execution time and
            256 MiB of memory; time waiting for tools does not count), or `'unlimited'`.
        type_check: type-check the code with ty against the tool stubs before running it.
        isolation: where the code runs: `'process'` (default: a confined worker process of monty's
            default pool, see docs/process-tier.md), `'inprocess'`, a `monty_core.process.ProcessPool`,
            or None (the `MONTY_ISOLATION` environment variable decides).
    """

    tool_selector: ToolSelector[AgentDepsT] = 'all'
    max_retries: int = 3
    max_tool_calls: int = field(default=100, kw_only=True)
    resource_limits: CodeModeResourceLimits | None = field(default=None, kw_only=True)
    type_check: bool = field(default=True, kw_only=True)
    isolation: str | ProcessPool | None = field(default='process', kw_only=True)

    _state: _ReplState = field(default_factory=_ReplState, init=False, repr=False, compare=False)
    _shared: SharedState = field(default_factory=SharedState, init=False, repr=False, compare=False)
    _limits: dict[str, Any] = field(default_factory=dict[str, Any], init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_tool_calls < 1:
            raise UserError('max_tool_calls must be at least 1')
        self._limits = resolve_limits(self.resource_limits)

    def share_state_with(self, shared: SharedState) -> None:
        """Use `shared` for what persists across runs (warnings already given, stubs already built)."""
        self._shared = shared

    @property
    def limits(self) -> dict[str, Any]:
        """The resolved sandbox limits."""
        return dict(self._limits)

    # -- lifecycle: one REPL per agent run, shared by the run's steps --------------------------------
    def _copy(self, wrapped: AbstractToolset[AgentDepsT], *, state: _ReplState) -> Self:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')  # `resolve_limits` warned when this toolset was made
            new = replace(self, wrapped=wrapped)
        new._state = state
        new._shared = self._shared
        return new

    async def for_run(self, ctx: RunContext[AgentDepsT]) -> AbstractToolset[AgentDepsT]:
        """A copy with a fresh sandbox for this run (concurrent runs never share state)."""
        return self._copy(await self.wrapped.for_run(ctx), state=_ReplState())

    async def for_run_step(self, ctx: RunContext[AgentDepsT]) -> AbstractToolset[AgentDepsT]:
        """Pass the step on to the wrapped toolset; a copy only if that changed, keeping the run's REPL."""
        new_wrapped = await self.wrapped.for_run_step(ctx)
        if new_wrapped is self.wrapped:
            return self
        return self._copy(new_wrapped, state=self._state)

    def visit_and_replace(
        self, visitor: Callable[[AbstractToolset[AgentDepsT]], AbstractToolset[AgentDepsT]]
    ) -> AbstractToolset[AgentDepsT]:
        """Apply `visitor` to the wrapped toolset's leaves; the copy keeps this run's REPL."""
        return self._copy(self.wrapped.visit_and_replace(visitor), state=self._state)

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        if self.type_check:
            _warm_up_type_checker()
        return self

    # -- tools ------------------------------------------------------------------------------------
    async def _is_sandboxed(self, ctx: RunContext[AgentDepsT], td: ToolDefinition) -> bool:
        if (
            td.tool_kind in _CONTROL_TOOL_KINDS
            or td.unless_native
            or (td.metadata or {}).get('code_arg_name')
        ):
            return False
        if not ctx.is_tool_available(td):
            return False  # hidden by deferred loading: tool search reveals it natively first
        if self.tool_selector == 'all':
            return td.kind != 'external'  # runs outside the agent run: code can't wait for it
        return await matches_tool_selector(self.tool_selector, ctx, td)

    def _catalog(self, tool_defs: list[ToolDefinition], modules: list[str]) -> SandboxCatalog:
        key = (
            *(
                (
                    td.name,
                    td.description,
                    repr(td.parameters_json_schema),
                    repr(td.return_schema),
                    td.sequential,
                )
                for td in tool_defs
            ),
            tuple(modules),
        )
        cached = self._shared.catalogs.get(key)
        if cached is None:
            cached = build_catalog(tool_defs, modules)
            self._shared.catalogs[key] = cached
            while len(self._shared.catalogs) > 32:
                self._shared.catalogs.popitem(last=False)
        return cached

    async def get_tools(self, ctx: RunContext[AgentDepsT]) -> dict[str, ToolsetTool[AgentDepsT]]:
        """`run_code` plus the tools that stay native."""
        wrapped_tools = await self.wrapped.get_tools(ctx)
        if RUN_CODE_TOOL_NAME in wrapped_tools:
            raise UserError(f'a tool named {RUN_CODE_TOOL_NAME!r} conflicts with code mode; rename it')
        sandboxed: dict[str, ToolsetTool[AgentDepsT]] = {}
        native: dict[str, ToolsetTool[AgentDepsT]] = {}
        for name, tool in wrapped_tools.items():
            if await self._is_sandboxed(ctx, tool.tool_def):
                sandboxed[name] = tool
            else:
                native[name] = tool
        modules = available_modules()
        catalog = self._catalog([t.tool_def for t in sandboxed.values()], modules)
        warn_missing_return_schemas(catalog.missing_return_schema, self._shared.warned_return_schema)
        callable_names = {f.tool_name for f in catalog.functions.values()}
        description = build_description(
            catalog,
            modules=modules,
            limits=self._limits,
            max_tool_calls=self.max_tool_calls,
            type_check=self.type_check,
        )
        run_code = _RunCodeTool[AgentDepsT](
            toolset=self,
            tool_def=ToolDefinition(
                name=RUN_CODE_TOOL_NAME,
                description=description,
                parameters_json_schema=_RUN_CODE_SCHEMA,
                metadata={'code_arg_name': 'code', 'code_arg_language': 'python'},
                sequential=True,  # one REPL per run: two snippets must not interleave
                tool_kind=RUN_CODE_KIND,
            ),
            max_retries=self.max_retries,
            args_validator=_RUN_CODE_VALIDATOR,
            catalog=catalog,
            sandboxed={n: t for n, t in sandboxed.items() if n in callable_names},
        )
        return {**native, RUN_CODE_TOOL_NAME: run_code}

    async def call_tool(
        self, name: str, tool_args: dict[str, Any], ctx: RunContext[AgentDepsT], tool: ToolsetTool[AgentDepsT]
    ) -> Any:
        """Run `run_code` in the sandbox; every other tool goes straight to the wrapped toolset."""
        if not isinstance(tool, _RunCodeTool):
            return await self.wrapped.call_tool(name, tool_args, ctx, tool)
        return await self.run_code(str(tool_args['code']), ctx, tool, restart=bool(tool_args.get('restart')))

    # -- run_code ---------------------------------------------------------------------------------
    async def run_code(
        self, code: str, ctx: RunContext[AgentDepsT], tool: _RunCodeTool[AgentDepsT], *, restart: bool = False
    ) -> ToolReturn[Any]:
        """Type-check, run, and shape the result of one snippet (see the module docstring)."""
        state = self._state
        if restart:
            state.reset()
        otel = capture_context()
        record_code(otel, code, include_content=ctx.trace_include_content)
        type_check_ms = await self._type_check(code, tool.catalog, state) if self.type_check else 0.0
        if state.repl is None:
            state.repl = MontyRepl(script_name=SCRIPT_NAME, limits=self._limits, isolation=self.isolation)
        run = SnippetRun(
            repl=state.repl,
            catalog=tool.catalog,
            dispatcher=NestedDispatcher(ctx, self.wrapped, dict(tool.sandboxed), otel),
            max_tool_calls=self.max_tool_calls,
            parent_call_id=ctx.tool_call_id or 'run_code',
        )
        stats: dict[str, Any] = {}
        try:
            try:
                value = await run.run(code)
            except MontySyntaxError as e:
                raise ModelRetry(syntax_error_message(e)) from e
            except MontyRuntimeError as e:
                state.history.append(code)
                raise ModelRetry(runtime_error_message(e, run.output, run.calls)) from e
            except MontyConversionError as e:
                state.history.append(code)
                raise ModelRetry(conversion_error_message(e, run.output, run.calls)) from e
            state.history.append(code)
            result = shape_result(value, run.output)
            stats = {**run.stats(), 'type_check_ms': round(type_check_ms, 3)}
            stats['result_bytes'] = len(to_json(result))
            content: list[UserContent] = [item for call in run.calls for item in call.user_content]
            return ToolReturn(
                return_value=result,
                content=content or None,
                metadata=return_metadata(run.calls, stats, run.started_at),
            )
        finally:
            record_stats(otel, stats or {**run.stats(), 'type_check_ms': round(type_check_ms, 3)})

    async def _type_check(self, code: str, catalog: SandboxCatalog, state: _ReplState) -> float:
        """Raise `ModelRetry` with the diagnostics if the code has type errors; return the check's ms."""
        t0 = time.perf_counter()
        check = functools.partial(
            type_check,
            code,
            stubs=catalog.stubs(),
            script_name=SCRIPT_NAME,
            modules=available_modules(),
            previous=list(state.history),
        )
        try:
            diagnostics = await anyio.to_thread.run_sync(check)
        except TyUnavailableError as e:
            if not self._shared.ty_unavailable_warned:
                self._shared.ty_unavailable_warned = True
                warnings.warn(
                    f'code mode: ty is unavailable, code runs without a type check ({e})', stacklevel=2
                )
            return (time.perf_counter() - t0) * 1000
        errors = [d for d in diagnostics if d.is_error]
        if errors:
            raise ModelRetry(type_error_message(errors, SCRIPT_NAME))
        return (time.perf_counter() - t0) * 1000


_warmed_up = False


def _warm_up_type_checker() -> None:
    """Start ty's server in the background, once per process, so the first check is a warm one."""
    global _warmed_up
    if _warmed_up:
        return
    _warmed_up = True
    try:
        default_checker().warm_up()
    except Exception:  # pragma: no cover - a missing ty is reported at the first check
        pass
