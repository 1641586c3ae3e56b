"""Nested tool calls are child spans of the `run_code` span; the span carries the code and sandbox stats."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic_ai import Agent
from pydantic_ai.capabilities import Instrumentation
from pydantic_ai.models.instrumented import InstrumentationSettings
from pydantic_ai.toolsets.function import FunctionToolset

from monty_codemode import CodeModeToolset

from .conftest import Script, code


def traced_run(script: Script, toolset: Any, *, include_content: bool = True) -> list[ReadableSpan]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    agent = Agent(
        script.model,
        toolsets=[toolset],
        capabilities=[
            Instrumentation(
                settings=InstrumentationSettings(tracer_provider=provider, include_content=include_content)
            )
        ],
    )
    agent.run_sync('go')
    return list(exporter.get_finished_spans())


def tools() -> FunctionToolset[Any]:
    ts: FunctionToolset[Any] = FunctionToolset()

    @ts.tool_plain
    async def get_weather(city: str) -> str:
        """Weather."""
        await asyncio.sleep(0.01)
        return f'sunny in {city}'

    @ts.tool_plain
    def get_population(city: str) -> int:
        """Population."""
        return 7

    return ts


CODE = (
    'import asyncio\n'
    "w = await asyncio.gather(get_weather(city='a'), get_weather(city='b'))\n"
    "p = await get_population(city='a')\n"
    "print('ok')\n"
    '[w, p]'
)


def test_nested_calls_are_children_of_the_run_code_span() -> None:
    spans = traced_run(Script([code(CODE)]), CodeModeToolset(tools()))
    by_name: dict[str, list[ReadableSpan]] = {}
    for span in spans:
        by_name.setdefault(span.name, []).append(span)
    (run_code,) = by_name['execute_tool run_code']
    nested = by_name['execute_tool get_weather'] + by_name['execute_tool get_population']
    assert len(nested) == 3
    assert run_code.context is not None
    for span in nested:
        assert span.parent is not None
        assert span.parent.span_id == run_code.context.span_id
        assert span.context is not None and span.context.trace_id == run_code.context.trace_id
    # The gathered calls overlap in the trace too.
    w1, w2 = sorted(by_name['execute_tool get_weather'], key=lambda s: s.start_time or 0)
    assert (w2.start_time or 0) < (w1.end_time or 0)


def test_run_code_span_has_code_and_sandbox_stats() -> None:
    spans = traced_run(Script([code(CODE)]), CodeModeToolset(tools()))
    (run_code,) = [s for s in spans if s.name == 'execute_tool run_code']
    attrs = dict(run_code.attributes or {})
    assert attrs['monty.run_code.code'] == CODE
    assert json.loads(str(attrs['gen_ai.tool.call.arguments']))['code'] == CODE
    assert attrs['monty.run_code.host_calls'] == 3
    assert attrs['monty.run_code.output_bytes'] == 3
    for key in ('duration_ms', 'sandbox_ms', 'tools_ms', 'type_check_ms', 'result_bytes'):
        assert isinstance(attrs[f'monty.run_code.{key}'], float | int), key
    assert float(attrs['monty.run_code.duration_ms']) >= float(attrs['monty.run_code.sandbox_ms'])


def test_failed_run_code_span_still_has_stats() -> None:
    spans = traced_run(Script([code("await get_population(city='a')\n1/0")]), CodeModeToolset(tools()))
    run_codes = [s for s in spans if s.name == 'execute_tool run_code']
    attrs = dict(run_codes[0].attributes or {})
    assert attrs['monty.run_code.host_calls'] == 1
    (nested,) = [s for s in spans if s.name == 'execute_tool get_population']
    assert nested.parent is not None and run_codes[0].context is not None
    assert nested.parent.span_id == run_codes[0].context.span_id


def test_model_request_marks_run_code_argument_as_code() -> None:
    spans = traced_run(Script([code('1 + 1')]), CodeModeToolset(tools()))
    texts = [str(v) for s in spans for v in (s.attributes or {}).values()]
    assert any('"code_arg_name":"code"' in t.replace(' ', '') for t in texts)


def test_code_stays_out_of_spans_without_content() -> None:
    spans = traced_run(Script([code(CODE)]), CodeModeToolset(tools()), include_content=False)
    (run_code,) = [s for s in spans if s.name == 'execute_tool run_code']
    attrs = dict(run_code.attributes or {})
    assert 'monty.run_code.code' not in attrs and 'gen_ai.tool.call.arguments' not in attrs
    assert attrs['monty.run_code.host_calls'] == 3
