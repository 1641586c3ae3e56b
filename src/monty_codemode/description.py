"""The `run_code` tool description: the sandbox's rules, then a typed stub for every tool inside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .stubs import SandboxCatalog

__all__ = ['RESTART_DESCRIPTION', 'CODE_DESCRIPTION', 'build_description']

CODE_DESCRIPTION = 'The Python code to run in the sandbox.'
RESTART_DESCRIPTION = (
    'Reset the sandbox (forget every variable, function and import) before running the code.'
)


def _limits_line(limits: Mapping[str, Any], max_tool_calls: int) -> str:
    parts: list[str] = []
    duration = limits.get('max_duration_secs')
    if duration is not None:
        parts.append(f'{duration:g} s of execution time (waiting for tools does not count)')
    memory = limits.get('max_memory')
    if memory is not None:
        parts.append(f'{memory / (1024 * 1024):g} MiB of memory')
    parts.append(f'at most {max_tool_calls} function calls')
    return '- Limits for each run_code call: ' + ', '.join(parts) + '.'


def build_description(
    catalog: SandboxCatalog,
    *,
    modules: Sequence[str],
    limits: Mapping[str, Any],
    max_tool_calls: int,
    type_check: bool,
) -> str:
    """The description the model reads: what the sandbox allows, how to call the tools, their stubs."""
    has_functions = bool(catalog.functions)
    lines = [
        'Run Python code in a secure sandbox and return its result. Use it to call the functions below: '
        'write one short program that makes all the calls it needs (loops, conditions, filtering and '
        'aggregation in Python) instead of calling tools one at a time.',
        '',
        'Sandbox rules:',
    ]
    if has_functions:
        lines.append(
            '- The functions listed below are already defined: call them by name, do not import or define '
            'them. Their parameters are keyword-only: `name(arg=value)`.'
        )
        if any(f.is_async for f in catalog.functions.values()):
            lines.append(
                '- `async def` functions must be awaited: `x = await get_thing(id=1)` (top-level `await` '
                'works). To run calls concurrently, `import asyncio` then '
                '`a, b = await asyncio.gather(f(x=1), g(y=2))` (positional awaitables only).'
            )
        if catalog.has_sync:
            lines.append('- Plain `def` functions run alone and are called without `await`.')
        lines.append(
            '- Function results are plain data (dict, list, str, int, float, bool, None) shaped as the '
            'signatures say; a TypedDict is a dict: index it with `r["key"]`.'
        )
        lines.append(
            '- A failing call raises at the call site and can be caught with try/except: `ValueError` for '
            'invalid arguments or a tool asking for a correction, `RuntimeError` when a tool fails, '
            '`PermissionError` when a call is denied.'
        )
    lines += [
        '- The value of the last expression statement is the result: end the code with it (e.g. a final '
        'line `result`). An assignment on the last line returns nothing. Do not print the result.',
        '- `print()` output is captured and returned with the result (as `output`); use it for notes only.',
        '- Variables, functions and imports persist between run_code calls; pass `restart: true` to start '
        'from a clean sandbox.',
        f'- Importable modules: {", ".join(f"`{m}`" for m in modules)}. No third-party packages, and no '
        'file, network, environment or clock access except through the functions below.',
        _limits_line(limits, max_tool_calls),
    ]
    if type_check:
        lines.append(
            '- The code is type-checked against the signatures before it runs; a type error returns '
            '`line:column`, the message and the line, and nothing runs.'
        )
    lines.append(
        '- An uncaught exception returns its traceback and the output printed before it; fix the code and '
        'call run_code again (state from earlier calls is kept).'
    )
    if has_functions:
        lines += ['', 'Available functions:', '', '```python', catalog.catalog(), '```']
    else:
        lines += ['', 'No functions are available: the code can only compute.']
    return '\n'.join(lines)
