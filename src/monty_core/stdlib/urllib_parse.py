"""`string`, `textwrap`, `unicodedata`, `html`, `urllib.parse` and `pprint` in the sandbox.

CPython's implementations, with result sizes checked where an argument can amplify the output
(`textwrap.indent` prefixes and wrap indents, `string.Template` substitutions, `unicodedata.normalize`,
`pprint`'s indent). `pprint` prints to the sandbox's `sys.stdout` (or any object with `write`, called
through the attribute guard). Left out: `string.Formatter` (its field lookup would bypass the
attribute guard), `unicodedata.ucd_3_2_0`, `pprint.PrettyPrinter` subclassing.
"""

from __future__ import annotations

import html as _html
import pprint as _pp
import string as _string
import textwrap as _tw
import unicodedata as _ud
import urllib.parse as _up
from collections.abc import Mapping
from typing import Any, SupportsIndex, cast

from ..runtime.guards import guarded_getattr
from ..runtime.limits import EXPANDS_FROM
from ..runtime.modules import RunContext, register_module
from ..runtime.stable import NATIVE_TEXT, address, stable_repr, stable_str
from ._support import (
    InitOnly,
    Sealed,
    allow,
    allow_public,
    bind,
    build,
    current,
    host_export,
    materialize,
    ready,
    reserve,
    tick,
    ticked,
)

MAX_INDENT = 4096


# -- string ---------------------------------------------------------------------------------------
class Template(InitOnly, _string.Template):
    """A string class for supporting $-substitutions (CPython's, size-checked)."""

    def __init__(self, template: Any) -> None:
        super().__init__(template)
        ready(self)

    def _check(self, mapping: Any, kws: dict[str, Any]) -> None:
        slots = self.template.count('$') if isinstance(self.template, str) else 0
        if not slots:
            return
        values: list[Any] = list(kws.values())
        if isinstance(mapping, dict):
            values.extend(mapping.values())
        longest = max((len(v) if isinstance(v, str) else 64 for v in values), default=64)
        reserve(current(), (len(self.template) + slots * longest) * 4, 'Template substitution')

    def substitute(self, mapping: Any = None, /, **kws: Any) -> str:
        self._check(mapping, kws)
        return super().substitute(_StableValues(mapping, kws))

    def safe_substitute(self, mapping: Any = None, /, **kws: Any) -> str:
        self._check(mapping, kws)
        return super().safe_substitute(_StableValues(mapping, kws))


class _StableValues(Mapping[str, str]):
    """The values a `Template` substitutes, rendered as the sandbox's `str()` renders them (CPython's
    `str()` of a function shows its address)."""

    __slots__ = ('_kws', '_mapping')

    def __init__(self, mapping: Any, kws: dict[str, Any]) -> None:
        self._mapping = mapping
        self._kws = kws

    def __getitem__(self, key: str) -> str:
        if key in self._kws or self._mapping is None:
            return stable_str(self._kws[key])
        return stable_str(self._mapping[key])

    def __iter__(self) -> Any:
        return iter(self._kws)

    def __len__(self) -> int:
        return len(self._kws)


Template.__module__ = 'string'
allow(
    Template,
    {
        'template',
        'substitute',
        'safe_substitute',
        'get_identifiers',
        'is_valid',
        'delimiter',
        'idpattern',
        'braceidpattern',
        'flags',
    },
)


def _string_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    names = (
        'ascii_letters',
        'ascii_lowercase',
        'ascii_uppercase',
        'digits',
        'hexdigits',
        'octdigits',
        'punctuation',
        'printable',
        'whitespace',
        'capwords',
    )
    exports: dict[str, Any] = {n: getattr(_string, n) for n in names}
    exports['Template'] = Template
    return exports


# -- textwrap -------------------------------------------------------------------------------------
def _check_wrap(text: Any, kwargs: dict[str, Any]) -> None:
    extra = sum(
        len(kwargs.get(k) or '')
        for k in ('initial_indent', 'subsequent_indent', 'placeholder')
        if isinstance(kwargs.get(k), str)
    )
    if extra > MAX_INDENT:
        reserve(current(), extra * (len(text) + 1) * 4 if isinstance(text, str) else 0, 'wrapped text')


_WRAP_OPTIONS = frozenset(
    {
        'width',
        'initial_indent',
        'subsequent_indent',
        'expand_tabs',
        'replace_whitespace',
        'fix_sentence_endings',
        'break_long_words',
        'drop_whitespace',
        'break_on_hyphens',
        'tabsize',
        'max_lines',
        'placeholder',
    }
)


class _TickingChunks(list[str]):
    """The chunks CPython's wrapper consumes with `pop()` in a Python loop: one tick per chunk puts
    that loop under the run's time and memory checks."""

    def pop(self, index: SupportsIndex = -1) -> str:
        tick(current())
        return super().pop(index)


class TextWrapper(InitOnly, _tw.TextWrapper):
    """Object for wrapping/filling text (CPython's, size-checked and metered)."""

    _settable = _WRAP_OPTIONS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ready(self)

    def wrap(self, text: Any) -> list[str]:
        _check_wrap(
            text, {k: getattr(self, k) for k in ('initial_indent', 'subsequent_indent', 'placeholder')}
        )
        return super().wrap(text)

    def fill(self, text: Any) -> str:
        return '\n'.join(self.wrap(text))

    def _split_chunks(self, text: str) -> list[str]:
        # A chunk can be one character: its str object and list slot take ~60 bytes.
        reserve(current(), len(text) * 60, 'wrapping text')
        return _TickingChunks(super()._split_chunks(text))


TextWrapper.__module__ = 'textwrap'
allow(TextWrapper, _WRAP_OPTIONS | {'wrap', 'fill'})


def _textwrap_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def wrap(text: Any, width: int = 70, **kwargs: Any) -> list[str]:
        return TextWrapper(width=width, **kwargs).wrap(text)

    def fill(text: Any, width: int = 70, **kwargs: Any) -> str:
        return TextWrapper(width=width, **kwargs).fill(text)

    def shorten(text: Any, width: int, **kwargs: Any) -> str:
        w = TextWrapper(width=width, max_lines=1, **kwargs)
        return w.fill(' '.join(text.strip().split()))

    def indent(text: Any, prefix: Any, predicate: Any = None) -> str:
        if isinstance(text, str) and isinstance(prefix, str):
            reserve(ctx, len(prefix) * (text.count('\n') + 1) + len(text), 'indented text')
        return _tw.indent(text, prefix, predicate)

    return {
        'wrap': wrap,
        'fill': fill,
        'shorten': shorten,
        'dedent': _tw.dedent,
        'indent': indent,
        'TextWrapper': TextWrapper,
    }


# -- unicodedata, html ----------------------------------------------------------------------------
_UD_NAMES = (
    'lookup',
    'name',
    'decimal',
    'digit',
    'numeric',
    'category',
    'bidirectional',
    'combining',
    'east_asian_width',
    'mirrored',
    'decomposition',
    'is_normalized',
    'unidata_version',
)


def _unicodedata_factory(ctx: RunContext) -> dict[str, Any]:
    def normalize(form: Any, unistr: Any, /) -> str:
        if isinstance(unistr, str):
            reserve(ctx, len(unistr) * 18 * 4, 'normalized text')
        return _ud.normalize(form, unistr)

    exports: dict[str, Any] = {n: getattr(_ud, n) for n in _UD_NAMES}
    exports['normalize'] = normalize
    return exports


# -- html -----------------------------------------------------------------------------------------
_HTML_GROWTH = (('&', 4), ('<', 3), ('>', 3))
_HTML_QUOTE_GROWTH = (('"', 5), ("'", 5))
_CHARREF: Any = getattr(_html, '_charref')  # noqa: B009 - CPython's pattern and replacement function
_REPLACE_CHARREF: Any = getattr(_html, '_replace_charref')  # noqa: B009


def _html_factory(ctx: RunContext) -> dict[str, Any]:
    def escape(s: Any, quote: bool = True) -> str:
        # Five native replaces, each a full copy of a text up to 6 times longer: weighed first.
        if isinstance(s, str) and len(s) >= EXPANDS_FROM:
            growth = (*_HTML_GROWTH, *_HTML_QUOTE_GROWTH) if quote else _HTML_GROWTH
            size = len(s) + sum(extra * s.count(char) for char, extra in growth)
            reserve(ctx, 2 * size * (1 if s.isascii() else 4), 'html.escape() output')
        return _html.escape(s, quote)

    def unescape(s: Any) -> str:
        # CPython's regex substitution calls a Python function per reference, in host code: each ticks.
        if not isinstance(s, str) or '&' not in s:
            return _html.unescape(s)
        ticker = ctx.meter.ticker

        def replace(match: Any) -> str:
            next(ticker)
            return _REPLACE_CHARREF(match)

        return _CHARREF.sub(replace, s)

    escape.__doc__ = _html.escape.__doc__
    unescape.__doc__ = _html.unescape.__doc__
    return {'escape': escape, 'unescape': unescape}


# -- urllib.parse ---------------------------------------------------------------------------------
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
    def quote(string: Any, safe: Any = '/', encoding: Any = None, errors: Any = None) -> str:
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
        result: dict[Any, list[Any]] = {}
        pairs = parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields, separator)
        for name, value in ticked(ctx, pairs):
            if name in result:
                result[name].append(value)
            else:
                result[name] = [value]
        return result

    def unquote(string: Any, encoding: Any = 'utf-8', errors: Any = 'replace') -> str:
        if type(string) is not str or len(string) < _SLICE or '%' not in string:
            return _up.unquote(string, encoding, errors)
        # CPython splits at every '%' (a list of 3-character pieces): weighed, and cut in slices at
        # literal characters (no escape straddles a cut, and a UTF-8 decoder restarts there).
        reserve(ctx, string.count('%') * 64 + len(string) * 4, 'unquote()')
        if encoding not in (None, 'utf-8', 'utf8') or errors not in (None, 'replace'):
            return _up.unquote(string, encoding, errors)
        return ''.join(_up.unquote(piece, encoding, errors) for piece in ticked(ctx, _literal_slices(string)))

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
        if hasattr(query, 'items') and not isinstance(query, dict):
            query = guarded_getattr(query, 'items')()
        if not isinstance(query, dict):
            query = materialize(ctx, query)
        return _up.urlencode(query, doseq, safe, encoding, errors, quote_via)

    exports: dict[str, Any] = {n: host_export(getattr(_up, n)) for n in _UP_NAMES}
    exports.update({cls.__name__: cls for cls in _RESULTS})
    for fn in (quote, quote_plus, parse_qsl, parse_qs, unquote, unquote_plus, urlencode):
        fn.__doc__ = getattr(_up, fn.__name__).__doc__
        exports[fn.__name__] = fn
    return exports


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


# -- pprint ---------------------------------------------------------------------------------------
class _Stream(Sealed):
    __slots__ = ('_target',)
    _target: Any

    def write(self, text: str) -> Any:
        return guarded_getattr(self._target, 'write')(text)


def _stream(stream: Any) -> _Stream:
    return build(_Stream, _target=current().stdout if stream is None else stream)


class PrettyPrinter(InitOnly, _pp.PrettyPrinter):
    """Pretty-printer (CPython's); prints to the sandbox's `sys.stdout` by default."""

    # CPython's printer records these two flags on itself while formatting (`depth=`, recursion).
    _settable = frozenset({'_readable', '_recursive'})

    def __init__(
        self,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        stream: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> None:
        if isinstance(indent, int) and indent > MAX_INDENT:
            raise ValueError(f'indent is limited to {MAX_INDENT} in the sandbox')
        super().__init__(
            indent,
            width,
            depth,
            cast(Any, _stream(stream)),
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        )
        ready(self)

    def format(
        self, object: Any, context: dict[int, int], maxlevels: int, level: int
    ) -> tuple[str, bool, bool]:
        # CPython's pretty-printer walks containers in Python and calls `format` once per element:
        # ticking here puts that walk under the run's time and memory checks.
        tick(current())
        if id(object) in context:
            return _recursion(object), False, True
        t = type(object)
        if t in _PPRINT_OWN or t in NATIVE_TEXT:
            return super().format(object, context, maxlevels, level)
        # CPython's `repr()` of anything else: the stable one (no address, sets in canonical order).
        text = stable_repr(object)
        return text, bool(text) and not text.startswith('<'), False

    def _format(
        self, object: Any, stream: Any, indent: int, allowance: int, context: Any, level: int
    ) -> None:
        if id(object) in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        super()._format(object, stream, indent, allowance, context, level)  # type: ignore[misc]


_PPRINT_OWN = frozenset({dict, list, tuple})  # the containers CPython's printer walks itself


def _recursion(obj: Any) -> str:
    """CPython's marker for a container met inside itself, with the run's fake address for its id."""
    return f'<Recursion on {type(obj).__name__} with id={int(address(obj), 16)}>'


PrettyPrinter.__module__ = 'pprint'
allow(PrettyPrinter, {'pprint', 'pformat', 'isreadable', 'isrecursive', 'format'})


def _pprint_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def pprint(
        obj: Any,
        stream: Any = None,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> None:
        PrettyPrinter(
            indent,
            width,
            depth,
            stream,
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        ).pprint(obj)

    def pp(obj: Any, *args: Any, sort_dicts: bool = False, **kwargs: Any) -> None:
        pprint(obj, *args, sort_dicts=sort_dicts, **kwargs)

    def pformat(
        obj: Any,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> str:
        return PrettyPrinter(
            indent,
            width,
            depth,
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        ).pformat(obj)

    # CPython's module functions run its own printer: unmetered, with real ids in recursion marks.
    def safe(object: Any) -> tuple[str, bool, bool]:
        no_depth_limit: Any = None  # what CPython passes (its stub says int)
        return PrettyPrinter()._safe_repr(object, {}, no_depth_limit, 0)

    def saferepr(object: Any) -> str:
        return safe(object)[0]

    def isreadable(object: Any) -> bool:
        return safe(object)[1]

    def isrecursive(object: Any) -> bool:
        return safe(object)[2]

    return {
        'pprint': pprint,
        'pp': pp,
        'pformat': pformat,
        'PrettyPrinter': PrettyPrinter,
        'isreadable': isreadable,
        'isrecursive': isrecursive,
        'saferepr': saferepr,
    }


register_module('string', _string_factory)
register_module('textwrap', _textwrap_factory)
register_module('unicodedata', _unicodedata_factory)
register_module('html', _html_factory)
register_module('urllib', lambda ctx: {})
register_module('urllib.parse', _urllib_parse_factory)
register_module('pprint', _pprint_factory)
