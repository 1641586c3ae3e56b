"""`urllib.parse` in the sandbox: CPython's functions, its module-level lists copied per run.

CPython's quoting and query parsing loop in Python over every byte or field: long inputs are processed in
slices under the meter, the result weighed first.
"""

from __future__ import annotations

import urllib.parse as _up
from typing import Any

from ..runtime.guards import guarded_getattr
from ..runtime.modules import RunContext
from ._support import allow_public, host_export, materialize, reserve, ticked

_RESULTS = (
    _up.ParseResult,
    _up.SplitResult,
    _up.DefragResult,
    _up.ParseResultBytes,
    _up.SplitResultBytes,
    _up.DefragResultBytes,
)
for _cls in _RESULTS:
    allow_public(_cls)
_UP_NAMES = (
    'urlparse',
    'urlsplit',
    'urlunparse',
    'urlunsplit',
    'urljoin',
    'urldefrag',
    'quote',
    'quote_plus',
    'unquote',
    'unquote_plus',
    'quote_from_bytes',
    'unquote_to_bytes',
    'parse_qs',
    'parse_qsl',
    'uses_netloc',
    'uses_params',
    'uses_query',
    'uses_relative',
    'uses_fragment',
    'scheme_chars',
)


# CPython's quoting and query parsing loop in Python over every byte or field, in host code where no
# sandbox tick runs (`parse_qsl` of 5M fields: 10 s and 700 MB). Long inputs are processed in slices
# (quoting is byte by byte, fields are parsed one by one: the result is the same), the meter ticking
# between slices and the result weighed first.
_SLICE = 1 << 16
_QS_FIELD = 200  # bytes a parsed field takes: a tuple, two str and a list slot


def _urllib_parse_factory(ctx: RunContext) -> dict[str, Any]:
    # CPython's signatures; the work in the module-level functions below, which take the run's context.
    def quote(string: Any, safe: Any = '/', encoding: Any = None, errors: Any = None) -> str:
        return _sliced_quote(ctx, string, safe, encoding, errors)

    def quote_plus(string: Any, safe: Any = '', encoding: Any = None, errors: Any = None) -> str:
        # CPython's, on the sliced `quote`.
        if (isinstance(string, str) and ' ' not in string) or (
            isinstance(string, bytes) and b' ' not in string
        ):
            return quote(string, safe, encoding, errors)
        space: Any = ' ' if isinstance(safe, str) else b' '
        return quote(string, safe + space, encoding, errors).replace(' ', '+')

    def parse_qsl(
        qs: Any,
        keep_blank_values: bool = False,
        strict_parsing: bool = False,
        encoding: str = 'utf-8',
        errors: str = 'replace',
        max_num_fields: Any = None,
        separator: Any = '&',
    ) -> list[tuple[Any, Any]]:
        options = (keep_blank_values, strict_parsing, encoding, errors)
        return _sliced_parse_qsl(ctx, qs, options, max_num_fields, separator)

    def parse_qs(
        qs: Any,
        keep_blank_values: bool = False,
        strict_parsing: bool = False,
        encoding: str = 'utf-8',
        errors: str = 'replace',
        max_num_fields: Any = None,
        separator: Any = '&',
    ) -> dict[Any, list[Any]]:
        # CPython's, on the sliced `parse_qsl`.
        pairs = parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields, separator)
        return _grouped(ctx, pairs)

    def unquote(string: Any, encoding: Any = 'utf-8', errors: Any = 'replace') -> str:
        return _sliced_unquote(ctx, string, encoding, errors)

    def unquote_plus(string: Any, encoding: Any = 'utf-8', errors: Any = 'replace') -> str:
        if type(string) is not str:
            return _up.unquote_plus(string, encoding, errors)
        return unquote(string.replace('+', ' '), encoding, errors)

    def urlencode(
        query: Any,
        doseq: bool = False,
        safe: Any = '',
        encoding: Any = None,
        errors: Any = None,
        quote_via: Any = quote_plus,
    ) -> str:
        return _up.urlencode(_query_items(ctx, query), doseq, safe, encoding, errors, quote_via)

    exports: dict[str, Any] = {n: host_export(getattr(_up, n)) for n in _UP_NAMES}
    exports.update({cls.__name__: cls for cls in _RESULTS})
    for fn in (quote, quote_plus, parse_qsl, parse_qs, unquote, unquote_plus, urlencode):
        fn.__doc__ = getattr(_up, fn.__name__).__doc__
        exports[fn.__name__] = fn
    return exports


def _sliced_quote(ctx: RunContext, string: Any, safe: Any, encoding: Any, errors: Any) -> str:
    if not isinstance(string, (str, bytes)) or len(string) < _SLICE:
        return _up.quote(string, safe, encoding, errors)
    if isinstance(string, str):
        reserve(ctx, len(string) * 4, 'quote() input')
        data = string.encode(encoding or 'utf-8', errors or 'strict')
    else:
        if encoding is not None or errors is not None:
            return _up.quote(string, safe, encoding, errors)  # CPython's TypeError
        data = string
    reserve(ctx, len(data) * 3 * 2, 'quote() output')
    parts = [
        _up.quote_from_bytes(data[i : i + _SLICE], safe) for i in ticked(ctx, range(0, len(data), _SLICE))
    ]
    return ''.join(parts)


def _sliced_parse_qsl(
    ctx: RunContext, qs: Any, options: tuple[Any, ...], max_num_fields: Any, separator: Any
) -> list[tuple[Any, Any]]:
    if type(qs) is not str or type(separator) is not str or not separator or len(qs) < _SLICE:
        return _up.parse_qsl(qs, *options, max_num_fields=max_num_fields, separator=separator)
    fields = qs.count(separator) + 1
    if max_num_fields is not None and max_num_fields < fields:
        raise ValueError('Max number of fields exceeded')
    reserve(ctx, fields * _QS_FIELD, 'parse_qsl() result')
    pieces = qs.split(separator)
    out: list[tuple[Any, Any]] = []
    for i in ticked(ctx, range(0, len(pieces), 4096)):
        out += _up.parse_qsl(separator.join(pieces[i : i + 4096]), *options, separator=separator)
    return out


def _grouped(ctx: RunContext, pairs: list[tuple[Any, Any]]) -> dict[Any, list[Any]]:
    """`parse_qs`'s result: the values of each name, in order."""
    result: dict[Any, list[Any]] = {}
    for name, value in ticked(ctx, pairs):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def _sliced_unquote(ctx: RunContext, string: Any, encoding: Any, errors: Any) -> str:
    if type(string) is not str or len(string) < _SLICE or '%' not in string:
        return _up.unquote(string, encoding, errors)
    # CPython splits at every '%' (a list of 3-character pieces): weighed, and cut in slices at
    # literal characters (no escape straddles a cut, and a UTF-8 decoder restarts there).
    reserve(ctx, string.count('%') * 64 + len(string) * 4, 'unquote()')
    if encoding not in (None, 'utf-8', 'utf8') or errors not in (None, 'replace'):
        return _up.unquote(string, encoding, errors)
    return ''.join(_up.unquote(piece, encoding, errors) for piece in ticked(ctx, _literal_slices(string)))


def _query_items(ctx: RunContext, query: Any) -> Any:
    """`urlencode`'s query as CPython's code may loop over it: a dict, or a list built under the meter
    (a mapping's `items` read through the attribute guard)."""
    if hasattr(query, 'items') and not isinstance(query, dict):
        query = guarded_getattr(query, 'items')()
    if not isinstance(query, dict):
        query = materialize(ctx, query)
    return query


def _literal_slices(text: str) -> list[str]:
    """`text` cut about every `_SLICE` characters, before a character that neither is a '%' nor
    follows one within two places (no escape is cut); not cut where there is no such character."""
    pieces: list[str] = []
    start = 0
    n = len(text)
    target = _SLICE
    while target < n:
        cut = target
        while cut < n and '%' in text[cut - 2 : cut + 1]:
            cut += 1
            if cut - target > 64:
                break
        if cut < n and '%' not in text[cut - 2 : cut + 1]:
            pieces.append(text[start:cut])
            start = cut
        target = max(cut, start) + _SLICE
    pieces.append(text[start:])
    return pieces
