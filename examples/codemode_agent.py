"""Quick-start demo: a Pydantic AI agent in code mode, end to end, locally, with no API key.

The model (a scripted `FunctionModel`) sees one tool, `run_code`, whose description lists the example
tools as typed Python stubs. Its first program has a bug the type checker catches (nothing runs); its
second gathers six tool calls concurrently and aggregates them in Python. The demo prints the code,
each nested tool call as Pydantic AI runs it, each result, and a trace summary.

    python examples/codemode_agent.py
    MONTY_DEMO_MODEL=openai:gpt-5 python examples/codemode_agent.py   # a real model instead (needs its key)
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field
from typing import Any

from pydantic_ai import Agent, RunContext, ToolReturn
from pydantic_ai.capabilities import AbstractCapability
from pydantic_ai.exceptions import ToolRetryError
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart, ToolCallPart, ToolReturnPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.tools import ToolDefinition
from pydantic_ai.toolsets.function import FunctionToolset
from typing_extensions import TypedDict

from monty_codemode import CodeModeToolset

PROMPT = 'Which of London, Paris and Tokyo is warmest right now, and what are their populations?'


# -- the example tools ---------------------------------------------------------------------------------
class Weather(TypedDict):
    city: str
    temp_c: float
    conditions: str


tools: FunctionToolset[None] = FunctionToolset()


@tools.tool_plain
async def get_weather(city: str) -> Weather:
    """Current weather for a city."""
    await asyncio.sleep(0.08)  # pretend to call a weather API
    temps = {'london': 14.5, 'paris': 17.0, 'tokyo': 21.5}
    return {'city': city, 'temp_c': temps.get(city.lower(), 10.0), 'conditions': 'partly cloudy'}


@tools.tool_plain
async def get_population(city: str) -> int:
    """Population of a city."""
    await asyncio.sleep(0.05)  # pretend to query a database
    return {'london': 8_982_000, 'paris': 2_161_000, 'tokyo': 13_960_000}.get(city.lower(), 0)


# -- the scripted model --------------------------------------------------------------------------------
FIRST_TRY = """\
import asyncio
cities = ['London', 'Paris', 'Tokyo']
weather = await asyncio.gather(*[get_weather(city=c) for c in cities])
max(weather, key=lambda w: w['temperature'])['city']
"""

SECOND_TRY = """\
import asyncio
cities = ['London', 'Paris', 'Tokyo']
weather, populations = await asyncio.gather(
    asyncio.gather(*[get_weather(city=c) for c in cities]),
    asyncio.gather(*[get_population(city=c) for c in cities]),
)
report = {c: {'temp_c': w['temp_c'], 'population': p} for c, w, p in zip(cities, weather, populations)}
warmest = max(cities, key=lambda c: report[c]['temp_c'])
print(f'warmest: {warmest}')
{'warmest': warmest, 'cities': report}
"""


def scripted_model(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
    """Write buggy code, then fixed code once the type check answers, then the final answer."""
    returns = [p for m in messages for p in m.parts if isinstance(p, ToolReturnPart)]
    if not returns:
        return ModelResponse(parts=[ToolCallPart('run_code', {'code': FIRST_TRY})])
    if returns[-1].outcome == 'retried':
        return ModelResponse(parts=[ToolCallPart('run_code', {'code': SECOND_TRY})])
    data = returns[-1].content
    assert isinstance(data, dict)
    result: dict[str, Any] = data['result']
    pops = ', '.join(f'{c} {v["population"]:,}' for c, v in result['cities'].items())
    return ModelResponse(parts=[TextPart(f'{result["warmest"]} is warmest. Populations: {pops}.')])


# -- printing what happens -----------------------------------------------------------------------------
def indent(text: str, prefix: str = '    ') -> str:
    return '\n'.join(prefix + line for line in str(text).rstrip().splitlines())


@dataclass
class ShowToolCalls(AbstractCapability[Any]):
    """Prints every tool call as Pydantic AI executes it: `run_code` and the calls its code makes."""

    t0: float = field(default_factory=time.perf_counter)
    run_codes: int = 0

    def ms(self) -> str:
        return f'{(time.perf_counter() - self.t0) * 1000:7.1f} ms'

    async def wrap_tool_execute(
        self, ctx: RunContext[Any], *, call: ToolCallPart, tool_def: ToolDefinition, args: Any, handler: Any
    ) -> Any:
        if call.tool_name != 'run_code':
            shown = ', '.join(f'{k}={v!r}' for k, v in args.items())
            print(f'  {self.ms()}  -> {call.tool_name}({shown})')
            result = await handler(args)
            print(f'  {self.ms()}  <- {call.tool_name}: {result!r}')
            return result
        self.run_codes += 1
        print(f'\n== run_code #{self.run_codes}: the code the model wrote\n{indent(args["code"])}')
        print('== nested tool calls (each one a real Pydantic AI tool call)')
        try:
            result = await handler(args)
        except ToolRetryError as e:
            part = e.tool_retry
            text = (
                part.model_response_str(wrap_if_error=False)
                if isinstance(part, ToolReturnPart)
                else str(part)
            )
            print(f'  (none)\n== run_code #{self.run_codes}: retry sent back to the model\n{indent(text)}')
            raise
        value = result.return_value if isinstance(result, ToolReturn) else result
        print(f'== run_code #{self.run_codes}: result\n{indent(value)}')
        return result


def trace_summary(messages: list[ModelMessage]) -> None:
    """A timeline of each successful run_code call, from the metadata on its ToolReturnPart."""
    print('\n== trace summary')
    run_codes = [
        p for m in messages for p in m.parts if isinstance(p, ToolReturnPart) and p.tool_name == 'run_code'
    ]
    for number, part in enumerate(run_codes, 1):
        meta = part.metadata if isinstance(part.metadata, dict) else None
        if meta is None or not meta.get('code_mode'):
            print(f'  run_code #{number}: {part.outcome} (nothing ran)')
            continue
        stats = meta['stats']
        print(
            f'  run_code #{number}: {stats["duration_ms"]:.1f} ms wall; type check '
            f'{stats["type_check_ms"]:.1f} ms; sandbox {stats["sandbox_ms"]:.1f} ms; '
            f'{stats["host_calls"]} tool calls doing {stats["tools_ms"]:.0f} ms of work'
        )
        calls = meta['calls']
        end = max((c.get('end_ms', 0.0) for c in calls), default=1.0) or 1.0
        width = 40
        for c in calls:
            start, stop = c.get('start_ms', 0.0), c.get('end_ms', end)
            a, b = int(start / end * width), max(int(stop / end * width), int(start / end * width) + 1)
            bar = ' ' * a + '#' * (b - a) + ' ' * (width - b)
            label = f'{c["tool_name"]}({", ".join(f"{v}" for v in c["args"].values())})'
            print(f'    {label:<28} |{bar}| {start:6.1f} -> {stop:6.1f} ms  {c["status"]}')


def main() -> None:
    real_model = os.environ.get('MONTY_DEMO_MODEL')
    model: Any = real_model or FunctionModel(scripted_model)
    toolset = CodeModeToolset(tools)
    agent = Agent(model, toolsets=[toolset], capabilities=[ShowToolCalls()])
    print(f'== monty code mode demo: model = {real_model or "scripted FunctionModel (no API key needed)"}')
    print(f'== prompt: {PROMPT}')
    result = agent.run_sync(PROMPT)
    trace_summary(result.all_messages())
    print(f'\n== final answer\n{indent(result.output)}')
    if real_model is None:
        assert result.output.startswith('Tokyo is warmest'), result.output
        print('\nOK')


if __name__ == '__main__':
    main()
