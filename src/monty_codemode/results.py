"""Values crossing between tools, the sandbox and the model.

- `to_sandbox_value`: a tool's result as the plain data its stub describes (pydantic models, dataclasses,
  TypedDicts, datetimes, enums ... become what their JSON schema says: dicts, lists, strings, numbers).
- `to_json_value`: the sandbox's result as JSON-ready data for the model (tuples and sets become lists,
  non-finite floats and undecodable bytes become strings, keys become strings).
- `shape_result`: the `run_code` return value from the last expression and the printed output.
- `preview`: a short, bounded rendering of a value for error messages.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from typing import Any

from pydantic_core import to_json, to_jsonable_python

__all__ = ['preview', 'shape_result', 'to_json_value', 'to_sandbox_value']

_PLAIN_SCALARS = (str, bytes, bool, int, float, type(None))
_PREVIEW_CHARS = 120
_PREVIEW_ITEMS = 5
# Everything `run_code` returns enters the model's context: a huge result or a print flood (monty allows
# 10 MiB of output) must not. Past these sizes the model gets a cut with a note telling it what to do.
MAX_RESULT_CHARS = 40_000
MAX_RESULT_OUTPUT_CHARS = 20_000


def to_sandbox_value(value: Any) -> Any:
    """A tool result as plain data: what its JSON schema (and so its stub) says it is.

    `bytes` stay bytes (the sandbox has them natively). Raises `TypeError` for a value with no
    JSON form.
    """
    if isinstance(value, _PLAIN_SCALARS):
        return value
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for key, item in value.items():  # pyright: ignore[reportUnknownVariableType]
            out[_sandbox_key(key)] = to_sandbox_value(item)
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        items: list[Any] = list(value)  # pyright: ignore[reportUnknownArgumentType]
        if isinstance(value, (set, frozenset)):
            try:
                items = sorted(items)
            except TypeError:
                pass
        return [to_sandbox_value(item) for item in items]
    try:
        converted = to_jsonable_python(value)
    except Exception as e:
        raise TypeError(f'a {type(value).__name__} has no plain-data form ({e})') from None
    return to_sandbox_value(converted)


def _sandbox_key(key: Any) -> Any:
    if isinstance(key, (str, int, float, bool)) or key is None:
        return key
    converted = to_jsonable_python({key: None})
    return next(iter(converted))


def to_json_value(value: Any) -> Any:
    """A value that came out of the sandbox as JSON-ready data (what the model receives)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode('utf-8')
        except UnicodeDecodeError:
            return 'base64:' + base64.b64encode(bytes(value)).decode('ascii')
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():  # pyright: ignore[reportUnknownVariableType]
            text = key if isinstance(key, str) else _key_text(key)
            if text in out:
                text = repr(key)
            out[text] = to_json_value(item)
        return out
    if isinstance(value, (list, tuple)):
        return [to_json_value(item) for item in value]  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, (set, frozenset)):
        items: list[Any] = list(value)  # pyright: ignore[reportUnknownArgumentType]
        try:
            items = sorted(items)
        except TypeError:
            pass
        return [to_json_value(item) for item in items]
    try:
        return to_json_value(to_jsonable_python(value))
    except Exception:
        return repr(value)


def _key_text(key: Any) -> str:
    if key is None:
        return 'null'
    if isinstance(key, bool):
        return 'true' if key else 'false'
    if isinstance(key, (int, float)):
        return str(key)
    if isinstance(key, tuple):
        return repr(key)
    return str(to_json_value(key))


def shape_result(result: Any, output: str) -> Any:
    """The `run_code` return value.

    | last expression | printed output | returns |
    | --- | --- | --- |
    | a value | none | the value |
    | `None` / none | some | `{"output": "<printed text>"}` |
    | a value | some | `{"output": "<printed text>", "result": value}` |
    | `None` / none | none | `{}` |

    Output longer than `MAX_RESULT_OUTPUT_CHARS` keeps its start and end; a value whose JSON is longer
    than `MAX_RESULT_CHARS` becomes `{"result_truncated": "<the start of its JSON>", "note": ...}`.
    """
    value = to_json_value(result)
    output = _cut_output(output)
    if value is not None:
        size = len(to_json(value).decode('utf-8', 'replace'))
        if size > MAX_RESULT_CHARS:
            return _truncated_result(value, size, output)
    if not output:
        return {} if value is None else value
    if value is None:
        return {'output': output}
    return {'output': output, 'result': value}


def _cut_output(output: str) -> str:
    if len(output) <= MAX_RESULT_OUTPUT_CHARS:
        return output
    half = MAX_RESULT_OUTPUT_CHARS // 2
    cut = len(output) - 2 * half
    return f'{output[:half]}\n... ({cut} characters of output cut) ...\n{output[-half:]}'


def _truncated_result(value: Any, size: int, output: str) -> dict[str, Any]:
    shaped: dict[str, Any] = {}
    if output:
        shaped['output'] = output
    shaped['result_truncated'] = to_json(value).decode('utf-8', 'replace')[:MAX_RESULT_CHARS]
    shaped['note'] = (
        f'The result is {size} characters of JSON, more than the {MAX_RESULT_CHARS} that can be returned, '
        'so only its start is shown. Return less: select, filter, slice or summarize the data in code. '
        'Variables persist between run_code calls, so a value you assigned can be used again without '
        'calling the tools again.'
    )
    return shaped


def preview(value: Any, *, nested: bool = False) -> str:
    """A bounded rendering of a value for an error message (cut before rendering, not after)."""
    if isinstance(value, str):
        cut = value[:_PREVIEW_CHARS]
        return repr(cut) + (f'... ({len(value)} chars)' if len(value) > _PREVIEW_CHARS else '')
    if isinstance(value, (bytes, bytearray)):
        cut_bytes = bytes(value[:_PREVIEW_CHARS])
        return repr(cut_bytes) + (f'... ({len(value)} bytes)' if len(value) > _PREVIEW_CHARS else '')
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, Mapping):
        if nested:
            return f'{{...{len(value)} items}}'  # pyright: ignore[reportUnknownArgumentType]
        parts: list[str] = []
        for i, (k, v) in enumerate(value.items()):  # pyright: ignore[reportUnknownVariableType]
            if i == _PREVIEW_ITEMS:
                parts.append(f'... ({len(value)} items)')  # pyright: ignore[reportUnknownArgumentType]
                break
            parts.append(f'{preview(k, nested=True)}: {preview(v, nested=True)}')
        return '{' + ', '.join(parts) + '}'
    if isinstance(value, (list, tuple)):
        if nested:
            return f'[...{len(value)} items]'  # pyright: ignore[reportUnknownArgumentType]
        items: list[Any] = list(value[:_PREVIEW_ITEMS])  # pyright: ignore[reportUnknownArgumentType]
        rest = f', ... ({len(value)} items)' if len(value) > _PREVIEW_ITEMS else ''  # pyright: ignore[reportUnknownArgumentType]
        return '[' + ', '.join(preview(v, nested=True) for v in items) + rest + ']'
    return f'<{type(value).__name__}>'
