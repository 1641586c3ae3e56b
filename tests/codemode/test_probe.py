"""Code mode as agents write it: patterns found by probing with scripted models."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel
from pydantic_ai import Agent
from pydantic_ai.messages import ToolReturnPart
from pydantic_ai.toolsets.function import FunctionToolset

from monty_codemode import CodeModeToolset

from .conftest import Script, code


class Item(BaseModel):
    id: int


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


def test_huge_result_and_output_are_cut_with_a_note() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def dump() -> list[str]:
        """A big export."""
        return [f'row {i}' for i in range(100_000)]

    script = Script(
        [
            code('rows = await dump()\nrows'),
            code('for i in range(100_000):\n    print(i)\nlen(rows)'),
        ]
    )
    run(script, CodeModeToolset(ts))
    first = script.returns[0]
    assert isinstance(first, ToolReturnPart)
    assert set(first.content) == {'result_truncated', 'note'}
    assert first.content['result_truncated'].startswith('["row 0","row 1",')
    assert len(first.content['result_truncated']) == 40_000
    assert 'more than the 40000 that can be returned' in first.content['note']
    second = script.returns[1]
    assert isinstance(second, ToolReturnPart)
    assert second.content['result'] == 100_000
    output = second.content['output']
    assert output.startswith('0\n1\n') and output.endswith('99998\n99999\n')
    assert 'characters of output cut' in output
    assert len(output) < 20_100


def test_retry_text_previews_plain_data_and_explains_a_missing_await() -> None:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    def item() -> Item:
        """One item."""
        return Item(id=3)

    script = Script([code("x = await item()\nx['nope']"), code('y = item()\ny')])
    run(script, CodeModeToolset(ts, type_check=False))
    # The call list shows what the code received (a dict), not the tool's pydantic object.
    assert "- item() returned {'id': 3}" in script.text(0)
    second = script.text(1)
    assert (
        'Tool calls made (1; calling them again repeats their effects):\n- item() was never awaited' in second
    )
    assert 'runs only when awaited: `x = await f(...)`' in second
