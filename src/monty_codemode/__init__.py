"""monty_codemode: a Pydantic AI toolset that lets the model write Python calling your tools, run in monty.

```python
from pydantic_ai import Agent
from monty_codemode import CodeMode, CodeModeToolset

agent = Agent('openai:gpt-5', toolsets=[CodeModeToolset(my_toolset)])
# or, for every tool the agent has:
agent = Agent('openai:gpt-5', capabilities=[CodeMode()])
```

See docs/code-mode.md and docs/tracing.md.
"""

from __future__ import annotations

from .capability import CodeMode
from .dispatch import NestedCall
from .stubs import CodeModeReturnSchemaWarning, SandboxCatalog, SandboxFunction, build_catalog
from .toolset import (
    RUN_CODE_KIND,
    RUN_CODE_TOOL_NAME,
    CodeModeResourceLimits,
    CodeModeToolset,
    RunCodeArgs,
    RunCodeCallPart,
)

__all__ = [
    'RUN_CODE_KIND',
    'RUN_CODE_TOOL_NAME',
    'CodeMode',
    'CodeModeResourceLimits',
    'CodeModeReturnSchemaWarning',
    'CodeModeToolset',
    'NestedCall',
    'RunCodeArgs',
    'RunCodeCallPart',
    'SandboxCatalog',
    'SandboxFunction',
    'build_catalog',
]
