"""The snapshot wire format: tagged JSON of plain sandbox values, with a version and a digest.

No pickle and no marshalled code: a snapshot holds source text and data only, so a forged snapshot can
at worst run sandboxed code under its limits. Layout: `MONTY` + format version byte + SHA-256 of the
body + body (UTF-8 JSON).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from typing import Any

from ..errors import MontySnapshotError

MAGIC = b'MONTY'
FORMAT_VERSION = 1
# Deeper than the boundary converter's limit (200 levels of containers, atoms one level below), so any
# value that can cross the boundary can be logged.
MAX_DEPTH = 256


def encode_value(value: Any, depth: int = 0) -> Any:
    """Plain sandbox data to a JSON-compatible tagged form."""
    if depth > MAX_DEPTH:
        raise MontySnapshotError('value nested too deeply to snapshot')
    t = type(value)
    if value is None or t is bool or t is int or t is str:
        return value
    if t is float:
        return {'f': value.hex()}
    if t is list:
        return [encode_value(v, depth + 1) for v in value]
    if t is tuple:
        return {'t': [encode_value(v, depth + 1) for v in value]}
    if t is dict:
        return {'d': [[encode_value(k, depth + 1), encode_value(v, depth + 1)] for k, v in value.items()]}
    if t is set or t is frozenset:
        # Sorted by canonical text: a set's iteration order depends on the process's string hash seed,
        # and the encoding of a host call's arguments is compared on replay in another process.
        items = [encode_value(v, depth + 1) for v in value]
        if len(items) > 1:
            items.sort(key=_canonical_text)
        return {'s' if t is set else 'fs': items}
    if t is bytes or t is bytearray:
        return {'b' if t is bytes else 'ba': base64.b64encode(value).decode('ascii')}
    if t is complex:
        return {'c': [value.real.hex(), value.imag.hex()]}
    if t is range:
        return {'r': [value.start, value.stop, value.step]}
    if value is Ellipsis:
        return {'el': 0}
    raise MontySnapshotError(f'cannot snapshot a {t.__name__!r} value')


def _canonical_text(encoded: Any) -> str:
    return json.dumps(encoded, sort_keys=True, separators=(',', ':'), ensure_ascii=True)


def decode_value(data: Any, depth: int = 0) -> Any:
    """The inverse of `encode_value`; rejects anything malformed with `MontySnapshotError`."""
    if depth > MAX_DEPTH:
        raise MontySnapshotError('snapshot value nested too deeply')
    if data is None or isinstance(data, (bool, int, str)):
        return data
    if isinstance(data, list):
        return [decode_value(v, depth + 1) for v in data]
    if isinstance(data, dict) and len(data) == 1:
        ((tag, body),) = data.items()
        decode = _TAGGED.get(tag)
        if decode is not None:
            try:
                return decode(body, depth + 1)
            except MontySnapshotError:
                raise
            except Exception as e:
                raise MontySnapshotError(f'malformed snapshot value ({tag!r}): {e}') from None
    raise MontySnapshotError('malformed snapshot value')


# Tag -> decoder(body, depth of its items) of the values `encode_value` writes as `{tag: body}`.
_TAGGED: dict[str, Callable[[Any, int], Any]] = {
    'f': lambda body, depth: float.fromhex(body),
    't': lambda body, depth: tuple(decode_value(v, depth) for v in body),
    'd': lambda body, depth: {decode_value(k, depth): decode_value(v, depth) for k, v in body},
    's': lambda body, depth: {decode_value(v, depth) for v in body},
    'fs': lambda body, depth: frozenset(decode_value(v, depth) for v in body),
    'b': lambda body, depth: base64.b64decode(body, validate=True),
    'ba': lambda body, depth: bytearray(base64.b64decode(body, validate=True)),
    'c': lambda body, depth: complex(float.fromhex(body[0]), float.fromhex(body[1])),
    'r': lambda body, depth: range(int(body[0]), int(body[1]), int(body[2])),
    'el': lambda body, depth: Ellipsis,
}


def pack(document: dict[str, Any]) -> bytes:
    """A snapshot's bytes: the magic, the format version, the SHA-256 of the body, then the JSON body."""
    # `surrogatepass`: sandbox text may hold lone surrogates (`chr(0xD800)`), which strict UTF-8 refuses.
    body = json.dumps(document, separators=(',', ':'), ensure_ascii=False).encode('utf-8', 'surrogatepass')
    return MAGIC + bytes([FORMAT_VERSION]) + hashlib.sha256(body).digest() + body


def unpack(data: bytes, kind: str) -> dict[str, Any]:
    """The document `pack` made, checked: header, version, digest, JSON and `kind`; any mismatch
    raises `MontySnapshotError`."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise MontySnapshotError(f'snapshot data must be bytes, not {type(data).__name__}')
    data = bytes(data)
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 33:
        raise MontySnapshotError('not a monty snapshot (bad header)')
    version = data[len(MAGIC)]
    if version != FORMAT_VERSION:
        raise MontySnapshotError(f'unsupported snapshot format version {version} (expected {FORMAT_VERSION})')
    digest, body = data[len(MAGIC) + 1 : len(MAGIC) + 33], data[len(MAGIC) + 33 :]
    if hashlib.sha256(body).digest() != digest:
        raise MontySnapshotError('snapshot integrity check failed: the data is corrupted or was modified')
    try:
        document = json.loads(body.decode('utf-8', 'surrogatepass'))
    except (UnicodeDecodeError, ValueError) as e:
        raise MontySnapshotError(f'snapshot body is not valid: {e}') from None
    except RecursionError:
        raise MontySnapshotError('snapshot body is not valid: nested too deeply') from None
    if not isinstance(document, dict) or document.get('kind') != kind:
        found = document.get('kind') if isinstance(document, dict) else None
        raise MontySnapshotError(f'expected a {kind!r} snapshot, got {found!r}')
    return document
