"""OpenTelemetry glue: nested tool spans are children of the `run_code` span; the span carries sandbox stats.

Pydantic AI's instrumentation opens an `execute_tool run_code` span around `run_code` and an
`execute_tool <name>` span around every nested call dispatched through the `ToolManager`. A span's
parent is whatever span is current when it starts, so `run_code` captures the OpenTelemetry context it
was called in and re-attaches it around each nested call: the nesting holds however the calls are
scheduled (tasks, a thread, a resumed greenlet). `record_stats` adds the sandbox's numbers to the
`run_code` span (no-op when tracing is off).
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import contextmanager
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace

__all__ = ['SPAN_ATTRIBUTE_PREFIX', 'capture_context', 'record_code', 'record_stats', 'use_context']

SPAN_ATTRIBUTE_PREFIX = 'monty.run_code'


def capture_context() -> otel_context.Context:
    """The current OpenTelemetry context (carries the `run_code` span)."""
    return otel_context.get_current()


@contextmanager
def use_context(ctx: otel_context.Context) -> Generator[None]:
    """Make `ctx` current for the duration of the block (spans started inside are its children)."""
    token = otel_context.attach(ctx)
    try:
        yield
    finally:
        otel_context.detach(token)


def _span(ctx: otel_context.Context) -> trace.Span | None:
    span = trace.get_current_span(ctx)
    return span if span.is_recording() else None


def record_code(ctx: otel_context.Context, code: str, *, include_content: bool) -> None:
    """Put the code on the `run_code` span (only when the instrumentation includes content)."""
    span = _span(ctx)
    if span is not None and include_content:
        span.set_attribute(f'{SPAN_ATTRIBUTE_PREFIX}.code', code)


def record_stats(ctx: otel_context.Context, stats: Mapping[str, Any]) -> None:
    """Set `monty.run_code.<key>` attributes for the numeric/text stats of one run."""
    span = _span(ctx)
    if span is None:
        return
    for key, value in stats.items():
        if isinstance(value, (bool, int, float, str)):
            span.set_attribute(f'{SPAN_ATTRIBUTE_PREFIX}.{key}', value)
