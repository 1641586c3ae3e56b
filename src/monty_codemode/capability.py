"""`CodeMode`: the code-mode toolset as an agent capability.

```python
from pydantic_ai import Agent
from monty_codemode import CodeMode

agent = Agent('openai:gpt-5', capabilities=[CodeMode()])  # every eligible tool goes into run_code
```
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field

from pydantic_ai.capabilities import AbstractCapability, CapabilityOrdering, ToolSearch
from pydantic_ai.tools import ToolSelector
from pydantic_ai.toolsets import AbstractToolset

from .toolset import AgentDepsT, CodeModeResourceLimits, CodeModeToolset, SharedState, resolve_limits

__all__ = ['CodeMode']


@dataclass
class CodeMode(AbstractCapability[AgentDepsT]):
    """Put the agent's tools behind one `run_code` tool: the model writes Python that calls them.

    Wraps the agent's assembled (non-output) toolset in a `CodeModeToolset` each run; the arguments
    are the toolset's (`tools` is its `tool_selector`). Tool search and capability-loading tools stay
    native: `CodeMode` wraps around `ToolSearch`.
    """

    tools: ToolSelector[AgentDepsT] = field(default='all')
    """Which tools go into `run_code`: `'all'`, a list of names, a predicate `(ctx, tool_def) -> bool`, or a metadata dict."""
    max_retries: int = 3
    """How many times the model may retry `run_code`."""
    _: KW_ONLY
    max_tool_calls: int = 100
    """Tool calls one `run_code` call may make."""
    resource_limits: CodeModeResourceLimits | None = None
    """Sandbox limits per `run_code` call (default 30 s and 256 MiB), or `'unlimited'`."""
    type_check: bool = True
    """Type-check the code with ty before running it."""
    _shared: SharedState = field(default_factory=SharedState, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        resolve_limits(self.resource_limits)  # reject bad limits when the agent is built

    def get_ordering(self) -> CapabilityOrdering:
        """Outermost, around `ToolSearch`, so tool search stays a native tool."""
        return CapabilityOrdering(position='outermost', wraps=[ToolSearch])

    def get_wrapper_toolset(self, toolset: AbstractToolset[AgentDepsT]) -> AbstractToolset[AgentDepsT] | None:
        """Wrap the agent's toolset in a `CodeModeToolset` sharing this capability's warnings and stubs."""
        wrapper = CodeModeToolset(
            toolset,
            self.tools,
            self.max_retries,
            max_tool_calls=self.max_tool_calls,
            resource_limits=self.resource_limits,
            type_check=self.type_check,
        )
        wrapper.share_state_with(self._shared)  # warnings given and stubs built, across runs
        return wrapper
