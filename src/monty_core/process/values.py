"""Values over the pipe: the snapshot log's tagged form (`execution/encoding.py`), extended with the
two kinds of host value `convert.to_host` makes that a snapshot never holds: builtin exception
instances (`asyncio.gather(..., return_exceptions=True)` results, exceptions passed to host functions)
and slices.

`encode` tries the snapshot encoder first (the common case) and falls back to the extended form,
which the message flags (`extended`), so the host decodes plain messages with `decode_value` alone.
The extended decoder accepts only builtin exception classes, re-created with a str message.
"""

from __future__ import annotations

import builtins
from typing import Any

from ..errors import MontySnapshotError
from ..execution.encoding import MAX_DEPTH, decode_value, encode_value

__all__ = ['decode', 'encode']

_EXC, _SLICE = '\x00x', '\x00sl'


def encode(value: Any) -> tuple[Any, bool]:
    """`value` in its tagged form, and whether that form is extended."""
    try:
        return encode_value(value), False
    except MontySnapshotError:
        return _encode(value, 0), True


def _encode(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise MontySnapshotError('value nested too deeply to send')
    t = type(value)
    if isinstance(value, BaseException) and getattr(builtins, t.__name__, None) is t:
        message = value.args[0] if len(value.args) == 1 and type(value.args[0]) is str else str(value)
        return {_EXC: [t.__name__, message]}
    if t is slice:
        return {_SLICE: [_encode(v, depth + 1) for v in (value.start, value.stop, value.step)]}
    if t is list:
        return [_encode(v, depth + 1) for v in value]
    if t is tuple:
        return {'t': [_encode(v, depth + 1) for v in value]}
    if t is dict:
        return {'d': [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]}
    if t is set or t is frozenset:
        return {'s' if t is set else 'fs': [_encode(v, depth + 1) for v in value]}
    return encode_value(value, depth)


def decode(data: Any, extended: bool) -> Any:
    """The value of a tagged form; anything malformed is a `MontySnapshotError`."""
    return _decode(data, 0) if extended else decode_value(data)


_CONTAINERS = {'t': tuple, 's': set, 'fs': frozenset}


def _decode(data: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise MontySnapshotError('value nested too deeply')
    if type(data) is list:
        return [_decode(v, depth + 1) for v in data]
    if type(data) is dict and len(data) == 1:
        ((tag, body),) = data.items()
        if tag == _EXC:
            return _exception(body)
        if tag == _SLICE and type(body) is list and len(body) == 3:
            return slice(*(_decode(v, depth + 1) for v in body))
        if tag in _CONTAINERS and type(body) is list:
            try:
                return _CONTAINERS[tag](_decode(v, depth + 1) for v in body)
            except TypeError as e:  # (an unhashable item)
                raise MontySnapshotError(f'malformed value: {e}') from None
        if tag == 'd' and type(body) is list:
            return _dict(body, depth)
    return decode_value(data, depth)


def _dict(body: list[Any], depth: int) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for item in body:
        if type(item) is not list or len(item) != 2:
            raise MontySnapshotError('malformed dict item')
        try:
            out[_decode(item[0], depth + 1)] = _decode(item[1], depth + 1)
        except TypeError as e:
            raise MontySnapshotError(f'malformed value: {e}') from None
    return out


def _exception(body: Any) -> BaseException:
    if type(body) is not list or len(body) != 2 or type(body[0]) is not str or type(body[1]) is not str:
        raise MontySnapshotError('malformed exception value')
    cls = getattr(builtins, body[0], None)
    # (`Exception` subclasses only: a value must never be a `SystemExit` or `KeyboardInterrupt`.)
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        raise MontySnapshotError(f'{body[0][:100]!r} is not a builtin exception')
    try:
        return cls(body[1])
    except Exception:
        return Exception(body[1])
