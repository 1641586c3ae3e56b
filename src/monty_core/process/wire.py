"""The pipe between the host and a worker: framing, encoding, and validation of every message.

A frame is a 5-byte header (a format byte and the body length, big-endian u32) and a msgpack body
(msgspec). Messages are msgspec `Struct`s encoded as arrays whose first item is their tag, so the
host decodes what a worker sends straight into typed objects: a wrong tag, a missing field, a field of
the wrong type or a string longer than allowed is a `WireError`, and the host kills that worker.
Values inside messages (arguments, results, inputs) are in the tagged form of the snapshot log
(`execution/encoding.py`), decoded by `decode_value`, which validates them again. Nothing is ever
unpickled: a compromised worker can send the host only data.

msgpack carries integers of at most 64 bits and UTF-8 text. A message holding a bigger integer or a
string with a lone surrogate (both legal sandbox values) is sent in the *escaped* format instead: such
ints become `{'\\x00i': hex}` and such strings `{'\\x00s': utf-8 bytes with surrogatepass}` before
encoding, and the receiver undoes that before validating.
"""

from __future__ import annotations

import struct
from typing import Annotated, Any, Final, cast

import msgspec
from msgspec import Meta, Struct

from ..errors import Frame, MontyConversionError, MontyRuntimeError, MontySnapshotError

__all__ = [
    'HEADER',
    'MAX_NAME',
    'Abandon',
    'Abandoned',
    'Call',
    'Done',
    'Failed',
    'Futures',
    'HookAnswer',
    'HookCall',
    'Printed',
    'Ready',
    'ReplyMsg',
    'RunMsg',
    'SessionMsg',
    'WireError',
    'decode_from_host',
    'decode_from_worker',
    'encode',
    'error_from_doc',
    'error_to_doc',
]

HEADER: Final = struct.Struct('>BI')
PLAIN, ESCAPED = 0, 1
MAX_NAME: Final = 256  # function names, stream names, exception type names
MAX_TEXT: Final = 1 << 26  # 64 MiB: any one string in a message

Name = Annotated[str, Meta(max_length=MAX_NAME)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Count = Annotated[int, Meta(ge=0, le=1 << 62)]


class WireError(Exception):
    """A message that breaks the protocol (malformed, oversized, unexpected)."""


# -- worker -> host ---------------------------------------------------------------------------------------
class Ready(Struct, array_like=True, tag='ready'):
    """The worker is confined and warm: its checks (name, passed, detail), address-space size, CPU time."""

    pid: Count
    checks: list[tuple[Name, bool, Text]]
    vm_bytes: Count
    cpu: float


class Call(Struct, array_like=True, tag='call'):
    """Worker to host: the sandbox called host function `name` (a `CallEvent`)."""

    call_id: Count
    name: Name
    args: Any  # the tagged form of a tuple
    kwargs: Any  # the tagged form of a dict
    plain: bool
    extended: bool = False  # values in the extended form (values.py)


class Futures(Struct, array_like=True, tag='futures'):
    """Worker to host: every sandbox task waits on these host futures (a `FuturesEvent`)."""

    call_ids: Annotated[list[Count], Meta(max_length=1 << 20)]


class Printed(Struct, array_like=True, tag='print'):
    """Worker to host: text the sandbox printed, streamed to the host's print callback."""

    stream: Name
    text: Text


class HookCall(Struct, array_like=True, tag='hook'):
    """Worker to host: the sandbox's stdlib asks a host hook (`now`, `random_bytes`, ...)."""

    key: Name
    args: list[Any]


class Done(Struct, array_like=True, tag='done'):
    """Worker to host: the run finished with `value` (a `DoneEvent`), after `cpu` seconds."""

    value: Any
    cpu: float
    recycle: bool  # the run left the worker in a state that should not serve another run
    extended: bool = False  # the value in the extended form (values.py)


class Failed(Struct, array_like=True, tag='error'):
    """Worker to host: the run failed (an `ErrorEvent`; the error as plain data)."""

    error: Any  # `error_to_doc` form
    cpu: float
    recycle: bool


class Abandoned(Struct, array_like=True, tag='abandoned'):
    """Worker to host: the abandoned run has unwound; the worker is free."""

    pass


FromWorker = Ready | Call | Futures | Printed | HookCall | Done | Failed | Abandoned


# -- host -> worker ---------------------------------------------------------------------------------------
class RunMsg(Struct, array_like=True, tag='run'):
    """Host to worker: run this code with these inputs, limits and history."""

    code: str
    script_name: str
    inputs: dict[str, Any]  # tagged values
    functions: list[str]
    limits: dict[str, Any]
    hooks: list[str]


class SessionMsg(Struct, array_like=True, tag='session'):
    """A logged run (`RunSpec.to_doc()`): the worker replays its REPL history, then starts it."""

    spec: dict[str, Any]


class ReplyMsg(Struct, array_like=True, tag='reply'):
    """Host to worker: the answer to the pending event (a protocol `Reply`, encoded)."""

    reply: Any  # `protocol.encode_reply` form


class HookAnswer(Struct, array_like=True, tag='hook'):
    """Host to worker: a host hook's result, or the message of its failure."""

    ok: bool
    value: Any  # tagged value, or an error message


class Abandon(Struct, array_like=True, tag='abandon'):
    """Host to worker: stop the paused run for good."""

    pass


FromHost = RunMsg | SessionMsg | ReplyMsg | HookAnswer | Abandon

_ENCODER = msgspec.msgpack.Encoder()
_FROM_WORKER = msgspec.msgpack.Decoder(FromWorker)  # type: ignore[arg-type]
_FROM_HOST = msgspec.msgpack.Decoder(FromHost)  # type: ignore[arg-type]
_ANY = msgspec.msgpack.Decoder()
_MAX_ESCAPE_DEPTH = 300


# -- encoding ---------------------------------------------------------------------------------------------
def encode(message: Struct) -> bytes:
    """A message as one frame (header included)."""
    try:
        body = _ENCODER.encode(message)
        kind = PLAIN
    except (OverflowError, UnicodeEncodeError):
        body = _ENCODER.encode(_escape(msgspec.to_builtins(message, builtin_types=(bytes,)), 0))
        kind = ESCAPED
    return HEADER.pack(kind, len(body)) + body


def _escape(value: Any, depth: int) -> Any:
    if depth > _MAX_ESCAPE_DEPTH:
        raise WireError('message nested too deeply')
    t = type(value)
    if t is int and not -(1 << 63) <= value < (1 << 64):
        return {'\x00i': hex(value)}
    if t is str:
        try:
            value.encode('utf-8')
        except UnicodeEncodeError:
            return {'\x00s': value.encode('utf-8', 'surrogatepass')}
        return value
    if t is list or t is tuple:
        return [_escape(v, depth + 1) for v in value]
    if t is dict:
        return {
            _escape(k, depth + 1) if type(k) is not str else k: _escape(v, depth + 1)
            for k, v in value.items()
        }
    return value


def _unescape(value: Any, depth: int) -> Any:
    if depth > _MAX_ESCAPE_DEPTH:
        raise WireError('message nested too deeply')
    t = type(value)
    if t is list:
        return [_unescape(v, depth + 1) for v in value]
    if t is dict:
        if len(value) == 1:
            ((key, body),) = value.items()
            if key == '\x00i' and type(body) is str and len(body) < MAX_TEXT:
                return int(body, 16)
            if key == '\x00s' and type(body) is bytes:
                return body.decode('utf-8', 'surrogatepass')
        return {_unescape(k, depth + 1): _unescape(v, depth + 1) for k, v in value.items()}
    return value


def _decode(kind: int, body: bytes, decoder: msgspec.msgpack.Decoder[Any], union: Any) -> Any:
    try:
        if kind == PLAIN:
            return decoder.decode(body)
        if kind == ESCAPED:
            return msgspec.convert(_unescape(_ANY.decode(body), 0), union)
    except WireError:
        raise
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, ValueError, TypeError) as e:
        raise WireError(f'malformed message: {e}') from None
    raise WireError(f'unknown message format {kind}')


def decode_from_worker(kind: int, body: bytes) -> FromWorker:
    """A worker's message, validated (see the module docstring)."""
    return _decode(kind, body, _FROM_WORKER, FromWorker)


def decode_from_host(kind: int, body: bytes) -> FromHost:
    """The host's message, validated (the worker trusts the host, but a bad frame is still an error)."""
    return _decode(kind, body, _FROM_HOST, FromHost)


# -- errors as data ---------------------------------------------------------------------------------------
def _frames(frames: list[Frame]) -> list[list[Any]]:
    return [
        [f.filename, f.line, f.column, f.end_line, f.end_column, f.function_name, f.source_line]
        for f in frames
    ]


def error_to_doc(error: MontyRuntimeError | MontyConversionError | MontySnapshotError) -> dict[str, Any]:
    """A run's error as plain data (worker side)."""
    if isinstance(error, MontyRuntimeError):
        return {
            'kind': 'runtime',
            'type': error.type_name,
            'message': error.message,
            'builtin': error.builtin_name,
            'frames': _frames(error.frames),
            'chain': [[t, m, _frames(fr), j] for t, m, fr, j in error.chain],
        }
    if isinstance(error, MontySnapshotError):
        return {'kind': 'snapshot', 'message': str(error)}
    return {'kind': 'conversion', 'message': str(error)}


class _ErrorDoc(Struct):
    kind: Name
    message: Text
    type: Name = ''
    builtin: Name = ''
    frames: Annotated[list[tuple[Text, int, int, int, int, Text, Text | None]], Meta(max_length=100_000)] = []
    chain: Annotated[
        list[tuple[Name, Text, list[tuple[Text, int, int, int, int, Text, Text | None]], Text]],
        Meta(max_length=1000),
    ] = []


def error_from_doc(doc: Any) -> MontyRuntimeError | MontyConversionError:
    """(A snapshot error, from replaying a REPL history in the worker, comes back as a
    `MontySnapshotError`: typed as the run errors it stands beside.)"""
    """The host-side error of a worker's error document; anything malformed is a `WireError`."""
    try:
        d = msgspec.convert(doc, _ErrorDoc)
    except msgspec.ValidationError as e:
        raise WireError(f'malformed error: {e}') from None
    if d.kind == 'conversion':
        return MontyConversionError(d.message)
    if d.kind == 'snapshot':
        return cast(MontyRuntimeError, MontySnapshotError(d.message))
    if d.kind != 'runtime' or not d.type:
        raise WireError(f'malformed error kind {d.kind!r}')
    return MontyRuntimeError(
        d.type,
        d.message,
        [Frame(*f) for f in d.frames],
        builtin_name=d.builtin or None,
        chain=[(t, m, [Frame(*f) for f in fr], j) for t, m, fr, j in d.chain],
    )
