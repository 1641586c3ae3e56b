"""The agent's event loop stays responsive while sandbox code computes inside `run_code`."""

from __future__ import annotations

import asyncio
import time

from pydantic_ai import Agent
from pydantic_ai.toolsets.function import FunctionToolset

from monty_codemode import CodeModeToolset

from .conftest import Script

BUSY = """
total = 0
for i in range(3_000_000):
    total += i % 7
total
"""


def test_event_loop_ticks_while_the_sandbox_computes() -> None:
    toolset: FunctionToolset[None] = FunctionToolset()

    @toolset.tool_plain
    def noop() -> int:
        """Does nothing."""
        return 0

    script = Script([{'code': BUSY}, 'done'])
    agent = Agent(script.model, toolsets=[CodeModeToolset(toolset, type_check=False)])
    gaps: list[float] = []

    async def main() -> None:
        stop = asyncio.Event()

        async def heartbeat() -> None:
            last = time.perf_counter()
            while not stop.is_set():
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        beat = asyncio.create_task(heartbeat())
        await agent.run('compute')
        stop.set()
        await beat

    asyncio.run(main())
    assert script.text(0).strip().endswith(str(sum(i % 7 for i in range(3_000_000))))
    assert len(gaps) > 5
    assert max(gaps) < 0.1, f'the event loop stalled for {max(gaps) * 1000:.0f} ms'
