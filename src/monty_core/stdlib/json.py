"""`json` in the sandbox: CPython's encoder and decoder behind checked entry points.

Offered: `dumps`, `loads`, `dump`, `load` (on objects with `write`/`read`, e.g. `io.StringIO` or
`sys.stdout`), `JSONDecodeError`, and `JSONEncoder`/`JSONDecoder` classes that sandbox code may
subclass (`cls=MyEncoder`, overriding `default`). Left out: the `json.decoder`/`json.encoder`/`json.tool`
submodules and the scanner internals.

Bounds: nesting is limited by CPython's own recursion checks (`RecursionError`, as in CPython); indent
strings and separators are limited to 4096 characters; when they could amplify the output, the
encoder's chunks are consumed under the meter and the growing result is charged to the run's budget.
"""

from __future__ import annotations

import json as _json
import json.encoder as _ENCODER
from typing import Any

from ..runtime.guards import guarded_getattr
from ..runtime.modules import RunContext
from ..runtime.rendering import stable_str
from ..runtime.sizecheck import EXPANDS_FROM
from ._support import allow, mark_sandbox_class, reserve, ticked

_INFINITY = float('inf')

allow(_json.JSONDecodeError, {'msg', 'doc', 'pos', 'lineno', 'colno', 'args', 'add_note'})

MAX_INDENT = 4096
_CHECK_EVERY = 1 << 20


def _check_text(value: Any, what: str) -> str:
    if type(value) is not str:
        raise TypeError(f'{what} must be a str, not {type(value).__name__}')
    if len(value) > MAX_INDENT:
        raise ValueError(f'{what} is too long for the sandbox (at most {MAX_INDENT} characters)')
    return value


def _indent_text(indent: Any) -> str | None:
    if indent is None:
        return None
    if isinstance(indent, int):  # (`indent=True` is one space, as in CPython: `' ' * True`)
        if indent > MAX_INDENT:
            raise ValueError(f'indent is too large for the sandbox (at most {MAX_INDENT})')
        return ' ' * indent
    if not isinstance(indent, str):  # CPython's `' ' * indent`
        raise TypeError(f"can't multiply sequence by non-int of type '{type(indent).__name__}'")
    return _check_text(indent, 'indent')


# Characters a JSON string escapes: two characters for these, six (`\u0000`) for other controls.
_SHORT_ESCAPES = '"\\\n\r\t\b\f'
_CONTROL_BYTES = bytes(c for c in range(32) if chr(c) not in _SHORT_ESCAPES)


def _escaped_size(s: str, ensure_ascii: bool) -> int:
    """The bytes of `s` as a JSON string: escapes grow it up to six times (twelve bytes for a
    character beyond the BMP with `ensure_ascii`)."""
    if not s.isascii():
        return len(s) * (12 if ensure_ascii else 24)  # a bound: not worth counting one by one
    short = sum(s.count(c) for c in _SHORT_ESCAPES)
    # The other controls in one pass per MiB slice (26 `count` passes over a big text cost more).
    long = 0
    for i in range(0, len(s), 1 << 20):
        piece = s[i : i + (1 << 20)].encode('ascii')
        long += len(piece) - len(piece.translate(None, _CONTROL_BYTES))
    return len(s) + short + 5 * long + 2


class _WeighedEncoder(_json.JSONEncoder):
    """CPython's encoder, its strings weighed before they are escaped: one string is one chunk, built
    in one C call (`json.dumps('\\x00' * 10**7)` is 60 MB)."""

    ctx: RunContext

    def iterencode(self, o: Any, _one_shot: bool = False) -> Any:
        # CPython 3.11's `iterencode` (the Python encoder, never the one-shot C one), with a weighing
        # string encoder.
        markers: Any = {} if self.check_circular else None
        ensure_ascii = self.ensure_ascii
        escape: Any = _ENCODER.encode_basestring_ascii if ensure_ascii else _ENCODER.encode_basestring
        ctx = self.ctx

        def encoder(s: str) -> str:
            if len(s) >= EXPANDS_FROM:
                reserve(ctx, _escaped_size(s, ensure_ascii), 'json.dumps() string')
            return escape(s)

        def floatstr(value: float, allow_nan: bool = self.allow_nan) -> str:
            if value != value:
                text = 'NaN'
            elif value == _INFINITY:
                text = 'Infinity'
            elif value == -_INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(value)
            if not allow_nan:
                raise ValueError('Out of range float values are not JSON compliant: ' + repr(value))
            return text

        make: Any = getattr(_ENCODER, '_make_iterencode')  # noqa: B009
        return make(
            markers,
            self.default,
            encoder,
            self.indent,
            floatstr,
            self.key_separator,
            self.item_separator,
            self.sort_keys,
            self.skipkeys,
            False,
        )(o, 0)


def _encode(ctx: RunContext, obj: Any, enc: Any) -> str:
    indent = _indent_text(enc.indent)
    item_sep = _check_text(enc.item_separator, 'item separator')
    key_sep = _check_text(enc.key_separator, 'key separator')
    real = _WeighedEncoder(
        skipkeys=bool(enc.skipkeys),
        ensure_ascii=bool(enc.ensure_ascii),
        check_circular=bool(enc.check_circular),
        allow_nan=bool(enc.allow_nan),
        sort_keys=bool(enc.sort_keys),
        indent=indent,
        separators=(item_sep, key_sep),
        default=stable_str if enc.default is str else enc.default,  # (CPython's str() shows addresses)
    )
    real.ctx = ctx
    # Always the chunked encoder: with shared references (`[[0] * 10**6] * 1000`) the output can be
    # thousands of times the data in memory, and CPython's one-shot C encoder would build it in one
    # call, unmetered. Chunk by chunk, the run's meter and memory budget see it grow.
    parts: list[str] = []
    total = 0
    next_check = _CHECK_EVERY
    try:
        for chunk in ticked(ctx, real.iterencode(obj)):
            total += len(chunk)
            if total > next_check:
                reserve(ctx, total * 2, 'json.dumps() output')
                next_check = total * 2
            parts.append(chunk)
    except ValueError as e:
        # The pure-Python encoder appends the value to this message; CPython's usual (C) encoder
        # does not, and sandbox code sees what CPython users see.
        if str(e).startswith('Out of range float values are not JSON compliant:'):
            raise ValueError('Out of range float values are not JSON compliant') from None
        raise
    return ''.join(parts)


def _real_decoder(dec: Any) -> _json.JSONDecoder:
    return _json.JSONDecoder(
        object_hook=dec.object_hook,
        parse_float=dec.parse_float,
        parse_int=dec.parse_int,
        parse_constant=dec.parse_constant,
        strict=bool(dec.strict),
        object_pairs_hook=dec.object_pairs_hook,
    )


def _factory(ctx: RunContext) -> dict[str, Any]:
    class JSONEncoder:
        """Extensible JSON encoder (subclass it and override `default`)."""

        item_separator = ', '
        key_separator = ': '

        def __init__(
            self,
            *,
            skipkeys: bool = False,
            ensure_ascii: bool = True,
            check_circular: bool = True,
            allow_nan: bool = True,
            sort_keys: bool = False,
            indent: Any = None,
            separators: Any = None,
            default: Any = None,
        ) -> None:
            self.skipkeys = skipkeys
            self.ensure_ascii = ensure_ascii
            self.check_circular = check_circular
            self.allow_nan = allow_nan
            self.sort_keys = sort_keys
            self.indent = indent
            _set_layout(self, indent, separators, default)

        def default(self, o: Any) -> Any:
            raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')

        def encode(self, o: Any) -> str:
            return _encode(ctx, o, self)

        ctx: RunContext

    class JSONDecoder:
        """Simple JSON decoder (subclassable)."""

        def __init__(
            self,
            *,
            object_hook: Any = None,
            parse_float: Any = None,
            parse_int: Any = None,
            parse_constant: Any = None,
            strict: bool = True,
            object_pairs_hook: Any = None,
        ) -> None:
            self.object_hook = object_hook
            self.parse_float = parse_float
            self.parse_int = parse_int
            self.parse_constant = parse_constant
            self.strict = strict
            self.object_pairs_hook = object_pairs_hook

        def decode(self, s: Any) -> Any:
            document = _document(s)  # (checked before the decoder's options are read)
            return _real_decoder(self).decode(document)

        def raw_decode(self, s: Any, idx: int = 0) -> tuple[Any, int]:
            document = _document(s)
            return _real_decoder(self).raw_decode(document, idx)

    for klass in (JSONEncoder, JSONDecoder):
        klass.__module__ = 'json'
        mark_sandbox_class(klass)

    def dumps(
        obj: Any,
        *,
        skipkeys: bool = False,
        ensure_ascii: bool = True,
        check_circular: bool = True,
        allow_nan: bool = True,
        cls: Any = None,
        indent: Any = None,
        separators: Any = None,
        default: Any = None,
        sort_keys: bool = False,
        **kw: Any,
    ) -> str:
        enc = _encoder_class(cls, JSONEncoder, kw)(
            skipkeys=skipkeys,
            ensure_ascii=ensure_ascii,
            check_circular=check_circular,
            allow_nan=allow_nan,
            indent=indent,
            separators=separators,
            default=default,
            sort_keys=sort_keys,
            **kw,
        )
        return enc.encode(obj)

    def loads(s: Any, *, cls: Any = None, **kw: Any) -> Any:
        return _loads(s, cls, JSONDecoder, kw)

    def dump(obj: Any, fp: Any, **kw: Any) -> None:
        guarded_getattr(fp, 'write')(dumps(obj, **kw))

    def load(fp: Any, **kw: Any) -> Any:
        return loads(guarded_getattr(fp, 'read')(), **kw)

    return {
        'dumps': dumps,
        'loads': loads,
        'dump': dump,
        'load': load,
        'JSONDecodeError': _json.JSONDecodeError,
        'JSONEncoder': JSONEncoder,
        'JSONDecoder': JSONDecoder,
    }


# The run's classes and functions above are made per run (sandbox code subclasses the classes); what
# they do that needs no per-run class is here.
def _set_layout(enc: Any, indent: Any, separators: Any, default: Any) -> None:
    """`JSONEncoder.__init__`'s separators (CPython's defaults: no space after ',' when indenting) and
    `default`."""
    if separators is not None:
        enc.item_separator, enc.key_separator = separators
    elif indent is not None:
        enc.item_separator = ','
    if default is not None:
        enc.default = default


def _document(s: Any) -> str:
    if type(s) is not str:
        raise TypeError(f'the JSON object must be str, not {type(s).__name__!r}')
    return s


def _encoder_class(cls: Any, encoder: type, kw: dict[str, Any]) -> Any:
    """The encoder class `dumps(cls=...)` uses: the run's `JSONEncoder` (which takes no other keywords)
    or a subclass of it."""
    if cls is None:
        if kw:
            raise TypeError(f"JSONEncoder.__init__() got an unexpected keyword argument '{next(iter(kw))}'")
        return encoder
    if not (isinstance(cls, type) and issubclass(cls, encoder)):
        raise TypeError('cls must be a subclass of json.JSONEncoder')
    return cls


def _loads(s: Any, cls: Any, decoder: type, kw: dict[str, Any]) -> Any:
    """`loads`: bytes decoded as CPython detects their encoding, then CPython's decoder or `cls`, a
    subclass of the run's `JSONDecoder`."""
    if isinstance(s, (bytes, bytearray)):
        s = s.decode(_json.detect_encoding(s), 'surrogatepass')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {type(s).__name__}')
    if cls is None:
        return _json.loads(s, **kw)
    if not (isinstance(cls, type) and issubclass(cls, decoder)):
        raise TypeError('cls must be a subclass of json.JSONDecoder')
    return cls(**kw).decode(s)
