"""What the model reads back from `run_code`: retry texts for every kind of failure, and the metadata a
successful call's `ToolReturnPart` carries (kept in history, not sent to the model).

Every retry says whether the code ran; runtime failures show the output printed before the error, the
traceback in the code's own lines, and the tool calls already made (so a retry does not blindly repeat
their effects). Long output and long call lists are cut, keeping the end of the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_ai.messages import ToolReturnPart

from monty_core import MontyConversionError, MontyRuntimeError, MontySyntaxError
from monty_core.typecheck import Diagnostic, render_diagnostics

from .dispatch import NestedCall

__all__ = [
    'conversion_error_message',
    'return_metadata',
    'runtime_error_message',
    'syntax_error_message',
    'type_error_message',
]

MAX_OUTPUT_CHARS = 4000
MAX_LISTED_CALLS = 20


def type_error_message(errors: Sequence[Diagnostic], script_name: str) -> str:
    """Retry text for code the type check rejected: not run, with ty's diagnostics."""
    n = len(errors)
    return (
        f'The code was not run: the type check found {n} error{"s" if n != 1 else ""}. '
        'Fix the code and call run_code again.\n\n' + render_diagnostics(errors, script_name, 'full')
    )


def syntax_error_message(e: MontySyntaxError) -> str:
    """Retry text for code that does not parse as sandbox Python: not run, with the syntax error."""
    return f'The code was not run: it is not valid sandbox Python.\n\n{e.display("traceback")}'


def runtime_error_message(e: MontyRuntimeError, output: str, calls: Sequence[NestedCall]) -> str:
    """Retry text for code that raised: output before the error, the traceback, and the tool calls made."""
    return (
        'The code raised an exception. Lines before the failing one ran, and the variables they set are '
        'kept.\n\n'
        + _output_note(output, 'Printed output before the error')
        + e.display('traceback')
        + _calls_note(calls, 'Tool calls made before the error')
    )


def conversion_error_message(e: MontyConversionError, output: str, calls: Sequence[NestedCall]) -> str:
    """Retry text for code that ran but ended with a value that cannot leave the sandbox."""
    return (
        f'The code ran, but its result cannot be returned: {e}. End the code with plain data '
        '(dict, list, str, int, float, bool or None).\n\n'
        + _output_note(output, 'Printed output')
        + _calls_note(calls, 'Tool calls made').lstrip('\n')
    ).rstrip()


def _output_note(output: str, heading: str) -> str:
    if not output:
        return ''
    if len(output) > MAX_OUTPUT_CHARS:
        cut = len(output) - MAX_OUTPUT_CHARS
        output = f'... ({cut} earlier characters cut)\n' + output[-MAX_OUTPUT_CHARS:]
    return f'{heading}:\n{output.rstrip()}\n\n'


def _calls_note(calls: Sequence[NestedCall], heading: str) -> str:
    if not calls:
        return ''
    lines = [c.describe() for c in calls[:MAX_LISTED_CALLS]]
    if len(calls) > MAX_LISTED_CALLS:
        lines.append(f'... and {len(calls) - MAX_LISTED_CALLS} more')
    listed = '\n'.join(f'- {line}' for line in lines)
    hint = ''
    if any(c.status in ('waiting', 'not_run') for c in calls):
        # Without the type check (or past it), a forgotten `await` shows up only as an odd error about a
        # pending call; say what it means.
        hint = (
            '\nA call to an `async def` function runs only when awaited: `x = await f(...)`, or '
            '`await asyncio.gather(f(...), g(...))` for several at once.'
        )
    return f'\n\n{heading} ({len(calls)}; calling them again repeats their effects):\n{listed}{hint}'


def return_metadata(calls: Sequence[NestedCall], stats: dict[str, Any], origin: float) -> dict[str, Any]:
    """`tool_calls` / `tool_returns` (the nested calls as Pydantic AI parts, by tool call id), `calls` (a
    timeline relative to the start of the run) and `stats` (sandbox numbers)."""
    tool_returns: dict[str, ToolReturnPart] = {}
    for c in calls:
        part = c.return_part()
        if part is not None:
            tool_returns[c.part.tool_call_id] = part
    return {
        'code_mode': True,
        'tool_calls': {c.part.tool_call_id: c.part for c in calls},
        'tool_returns': tool_returns,
        'calls': [c.summary(origin) for c in calls],
        'stats': stats,
    }
