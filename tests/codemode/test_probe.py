"""Code mode as agents write it: patterns found by probing with scripted models."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic_ai import Agent
from pydantic_ai.messages import ToolReturnPart
from pydantic_ai.toolsets.function import FunctionToolset

from monty_codemode import CodeModeToolset

from .conftest import Script, code


def run(script: Script, toolset: Any) -> Any:
    return Agent(script.model, toolsets=[toolset]).run_sync('go')


def slow_tools(log: list[str]) -> FunctionToolset[Any]:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def slow(x: int) -> int:
        """Slow."""
        log.append(f'start {x}')
        await asyncio.sleep(0.05)
        log.append(f'end {x}')
        return x * 10

    return ts


def test_create_task_over_a_tool_call() -> None:
    # `asyncio.create_task(tool(...))` type-checks against the `async def` stub; it must run too.
    log: list[str] = []
    script = Script(
        [
            code(
                'import asyncio\n'
                'tasks = [asyncio.create_task(slow(x=i)) for i in range(3)]\n'
                'one = await asyncio.create_task(slow(x=7))\n'
                '[await t for t in tasks] + [one]'
            )
        ]
    )
    run(script, CodeModeToolset(slow_tools(log)))
    assert script.outcome(0) == 'success', script.text(0)
    assert script.text(0) == '[0,10,20,70]'
    part = script.returns[0]
    assert isinstance(part, ToolReturnPart)
    assert [c['status'] for c in part.metadata['calls']] == ['returned'] * 4
