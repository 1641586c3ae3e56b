"""`str.format` and `str.format_map` for sandbox code.

CPython's own implementation resolves replacement fields like `{0.__class__.__mro__}` or
`{0.gi_frame.f_globals}` with native attribute reads, past the attribute guard. The sandbox versions
hand such strings to a `string.Formatter` whose field traversal goes through `guarded_getattr`, and
whose fields pre-check their format-spec widths (`'{:>{}}'.format(x, 10**10)`). Strings without
attribute traversal, nested specs or big widths — nearly all of them — take CPython's fast path.
"""

from __future__ import annotations

import _string  # type: ignore
import string
from collections.abc import Callable, Mapping, Sequence
from itertools import compress
from operator import index as _index
from typing import Any

from .allowlists import WRAPPERS
from .bigints import check_int_bits
from .guards import guarded_getattr
from .identities import NATIVE_TEXT
from .memory import CURRENT, SMALL, reserve
from .plain_reads import reset_plain_cache
from .rendering import SETS, canonical, stable_ascii, stable_format, stable_repr, stable_str
from .sizecheck import check_format_spec, check_items, rendered_size, user_index

_parse = _string.formatter_parser
_split = _string.formatter_field_name_split
_native_format = str.format
_native_format_map = str.format_map
_sum = sum


class _NoPositional(tuple):  # type: ignore[type-arg]
    """The positional arguments of a `format_map`: none, and a field asking for one is an error."""


_NO_POSITIONAL = _NoPositional()
_MANUAL = -1  # the auto-numbering state once a field gave an explicit index (CPython's ANS_MANUAL)


class GuardedFormatter(string.Formatter):
    """A `string.Formatter` that reads attributes through the sandbox's guard.

    `_vformat` and `get_value` follow CPython's C `str.format` rather than `string.Formatter`: a field
    whose name starts with `.` or `[` (`'{.real}'`, `'{[0]}'`) is auto-numbered, and the errors are
    str.format's (`Replacement index 2 out of range ...`, both "cannot switch" messages, and
    `format_map`'s "Format string contains positional fields", whose args are `_NO_POSITIONAL`)."""

    def _vformat(  # type: ignore[override]
        self,
        format_string: str,
        args: Sequence[Any],
        kwargs: Mapping[str, Any],
        used_args: set[Any],
        recursion_depth: int,
        auto_arg_index: int = 0,
    ) -> tuple[str, int]:
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            first, rest = _split(field_name)
            if first == '':
                if auto_arg_index == _MANUAL:
                    raise ValueError(
                        'cannot switch from manual field specification to automatic field numbering'
                    )
                first = auto_arg_index
                auto_arg_index += 1
            elif type(first) is int:
                if auto_arg_index > 0:
                    raise ValueError(
                        'cannot switch from automatic field numbering to manual field specification'
                    )
                auto_arg_index = _MANUAL
            obj = self.get_value(first, args, kwargs)
            for is_attr, key in rest:
                obj = guarded_getattr(obj, key) if is_attr else obj[key]
            used_args.add(first)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec or '', args, kwargs, used_args, recursion_depth - 1, auto_arg_index
            )
            result.append(self.format_field(obj, format_spec))
        # Fields may all render the same big value: weigh the pieces before joining them.
        total = _sum(map(len, result))
        if total >= SMALL >> 2:
            reserve(total * (1 if all(map(str.isascii, result)) else 4), 'formatting')
        return ''.join(result), auto_arg_index

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        """The argument a field names: `kwargs[key]` or `args[key]`, with `str.format`'s errors."""
        if isinstance(key, str):
            return kwargs[key]
        if args is _NO_POSITIONAL:
            raise ValueError('Format string contains positional fields')
        if key >= len(args):
            raise IndexError(f'Replacement index {key} out of range for positional args tuple')
        return args[key]

    def format_field(self, value: Any, format_spec: str) -> Any:
        """Render a field's value with a pre-checked spec, as the sandbox renders (`stable_format`)."""
        check_format_spec(format_spec)
        return stable_format(value, format_spec)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        """Apply a field's `!r`, `!s` or `!a` conversion as the sandbox renders (`stable_repr`, ...)."""
        if conversion is None:
            return value
        convert = _CONVERT.get(conversion)
        if convert is None:
            raise ValueError(f'Unknown conversion specifier {conversion}')
        return convert(value)


_CONVERT = {'r': stable_repr, 's': stable_str, 'a': stable_ascii}


_FORMATTER = GuardedFormatter()


def _is_plain(fmt: str) -> bool:
    """True when CPython's own str.format is safe for `fmt`: no attribute/index traversal, no nested
    spec, no big width. Anything the check cannot read (a malformed string, a spec it refuses) takes
    the guarded path, which raises the error: a check that fails must never fall back to CPython's
    unguarded traversal."""
    try:
        for _literal, field, spec, _conv in _parse(fmt):
            if field is None:
                continue
            if '.' in field or '[' in field:
                return False
            if spec:
                if '{' in spec:
                    return False
                check_format_spec(spec)
    except Exception:
        return False
    return True


def _plain_values(values: Any) -> int:
    """-1 unless CPython renders every value the same in every process (no address, no set); else
    the length of the longest text value (what one field can render to, the numbers aside)."""
    longest = 0
    for v in values:
        t = type(v)
        if t not in NATIVE_TEXT:
            return -1
        if t is str or t is bytes or t is bytearray:
            n = len(v)
            if n > longest:
                longest = n
        elif t is int and v.bit_length() > 64:
            longest = max(longest, rendered_size(v))
    return longest


def _weigh_fields(fmt: str, args: Any, kwargs: Any, longest: int) -> None:
    """A format string may name the same big value in every field (`('{0}' * 1000).format(big)`):
    when its fields times the longest value could be large, weigh the fields' values first."""
    if fmt.count('{') * longest < SMALL:
        return
    total = len(fmt)
    auto = 0
    try:
        for _literal, field, _spec, _conv in _parse(fmt):
            if field is None:
                continue
            first, _rest = _split(field)
            if first == '':
                first, auto = auto, auto + 1
            value = kwargs[first] if type(first) is str else args[first]
            total += rendered_size(value)
    except (ValueError, LookupError, TypeError):
        return  # a malformed string or a missing argument: CPython raises its own error
    reserve(total, 'formatting')


def sandbox_format(fmt: str) -> Callable[..., str]:
    """The bound `fmt.format` handed to sandbox code."""

    def format(*args: Any, **kwargs: Any) -> str:
        longest = _plain_values(args)
        if longest >= 0:
            longest_kw = _plain_values(kwargs.values())
            if longest_kw >= 0 and _is_plain(fmt):
                _weigh_fields(fmt, args, kwargs, max(longest, longest_kw))
                return _native_format(fmt, *args, **kwargs)
        return _FORMATTER.vformat(str(fmt), args, kwargs)

    return format


def sandbox_format_map(fmt: str) -> Callable[[Any], str]:
    """The bound `fmt.format_map` handed to sandbox code."""

    def format_map(mapping: Any) -> str:
        if type(mapping) is dict:
            longest = _plain_values(mapping.values())
            if longest >= 0 and _is_plain(fmt):
                _weigh_fields(fmt, (), mapping, longest)
                return _native_format_map(fmt, mapping)
        return _FORMATTER.vformat(str(fmt), _NO_POSITIONAL, mapping)

    return format_map


# -- size-checked text methods: results whose size follows from small arguments --------------------
_TEXT_LEN = {str: str.__len__, bytes: bytes.__len__, bytearray: bytearray.__len__}
_EXACT_TEXT = frozenset(_TEXT_LEN)  # items whose `len` is CPython's own (no subclass to lie)


def _size(value: Any) -> int:
    """The length of a str/bytes/bytearray as CPython's C code sees it (a subclass's own `__len__`,
    which may lie or raise, is not consulted); 0 for anything else (CPython's method refuses it)."""
    for base, length in _TEXT_LEN.items():
        if isinstance(value, base):
            return length(value)
    return 0


def _width(value: Any) -> int:
    try:
        return _index(value)
    except TypeError:
        return 0


def _unit(obj: Any, fill: Any = None) -> int:
    if type(obj) is not str and not isinstance(obj, str):
        return 1
    ascii_fill = fill is None or (isinstance(fill, str) and fill.isascii())
    return 1 if obj.isascii() and ascii_fill else 4


def _read_once(args: tuple[Any, ...], kwargs: dict[str, Any], key: str) -> tuple[tuple[Any, ...], Any]:
    """The size argument (first positional, or keyword `key`) read once as an int, and the positional
    arguments with that int in its place: a sandbox `__index__` read again by CPython could answer
    differently from what the check saw. An argument that is not an index is left to CPython."""
    if args:
        value = args[0]
        if type(value) is not int and user_index(value):
            value = _index(value)
            args = (value, *args[1:])
        return args, value
    value = kwargs.get(key, 0)
    if type(value) is not int and user_index(value):
        value = kwargs[key] = _index(value)
    return args, value


def _padding(name: str) -> Callable[[Any], Callable[..., Any]]:
    def factory(obj: Any) -> Callable[..., Any]:
        method = getattr(obj, name)

        def padded(*args: Any, **kwargs: Any) -> Any:
            args, width = _read_once(args, kwargs, 'width')
            w = _width(width)
            if w >= SMALL:
                fill = args[1] if len(args) > 1 else kwargs.get('fillchar')
                reserve(w * _unit(obj, fill), f'{name}({w})')
            return method(*args, **kwargs)

        padded.__name__ = padded.__qualname__ = name
        return padded

    return factory


def _expandtabs(obj: Any) -> Callable[..., Any]:
    method = obj.expandtabs

    def expandtabs(*args: Any, **kwargs: Any) -> Any:
        args, tabsize = _read_once(args, kwargs, 'tabsize') if args or 'tabsize' in kwargs else (args, 8)
        size = _width(tabsize)
        if size > 8 and len(obj) * size >= SMALL:
            tab: Any = '\t' if isinstance(obj, str) else b'\t'
            reserve(len(obj) + obj.count(tab) * size * _unit(obj), 'expandtabs()')
        return method(*args, **kwargs)

    return expandtabs


def _replace(obj: Any) -> Callable[..., Any]:
    method = obj.replace

    def replace(*args: Any, **kwargs: Any) -> Any:
        if len(args) < 2 or kwargs:
            return method(*args, **kwargs)
        old, new = args[0], args[1]
        size, old_size = _size(obj), _size(old)
        grow = _size(new) - old_size
        bound = size // max(old_size, 1) + 1
        if len(args) > 2 and user_index(args[2]):
            args = (old, new, _index(args[2]), *args[3:])  # read once: see `_read_once`
        if grow > 0 and bound * grow >= SMALL:
            n = obj.count(old) if old_size else size + 1
            c = _width(args[2]) if len(args) > 2 else -1
            if 0 <= c < n:
                n = c
            reserve((size + n * grow) * _unit(obj, new), 'replace()')
        return method(*args)

    return replace


def _join(obj: Any) -> Callable[..., Any]:
    method = obj.join

    def join(*args: Any, **kwargs: Any) -> Any:
        if len(args) != 1 or kwargs:
            return method(*args, **kwargs)  # CPython's own error
        iterable = args[0]
        if type(iterable) in SETS:
            iterable = canonical(iterable)  # the same text in every process
        if type(iterable) in (list, tuple):
            items = iterable
        else:
            check_items(iterable, 'join()')  # `''.join(s)` makes a list of the characters first
            try:
                items = list(iterable)
            except TypeError:
                t = type(iterable)
                if not (hasattr(t, '__iter__') or hasattr(t, '__getitem__')):
                    raise TypeError('can only join an iterable') from None  # CPython's message
                raise
        if len(items) > 1:
            # Items may all be the same big string: count their lengths, not the memory they use
            # (a non-text item counts 0: CPython's join refuses it).
            kinds = set(map(type, items))
            total = _sum(map(len, items)) if kinds <= _EXACT_TEXT else _sum(map(_size, items))
            reserve((_size(obj) * (len(items) - 1) + total) * _unit(obj), 'join()')
        return method(items)

    return join


def _translate(obj: Any) -> Callable[..., Any]:
    method = obj.translate

    def translate(*args: Any, **kwargs: Any) -> Any:
        if not isinstance(obj, str) or len(args) != 1 or kwargs or not obj:
            return method(*args, **kwargs)  # CPython's own error, or nothing to build
        table = args[0]
        if type(table) is not dict:
            table = _plain_table(obj, table)
        reserve(len(obj) * _translated_unit(obj, table.values()), 'translate()')
        return method(table)

    return translate


def _plain_table(text: str, table: Any) -> dict[int, Any]:
    """Any other table (a dict subclass, a list, a sandbox class's `__getitem__`) is read once per
    distinct character of `text` into a plain dict, which is weighed and handed to CPython: the
    values CPython uses are the ones the check saw (a `__getitem__` could answer 'b' to the check
    and 'b' * 10**6 to CPython). A `LookupError` leaves the character as it is, as in CPython."""
    ticker = CURRENT.ticker
    chars = set(text if ticker is None else compress(text, ticker))  # one C pass, metered
    plain: dict[int, Any] = {}
    for char in chars:
        key = ord(char)
        try:
            plain[key] = table[key]
        except LookupError:
            pass
    return plain


def _translated_unit(text: str, values: Any) -> int:
    """Bytes per input character of the translation: the longest replacement, times 4 when the
    result may need wide characters."""
    longest = 1
    wide = not text.isascii()
    for v in values:
        t = type(v)
        if t is str:
            longest = max(longest, len(v))
            wide = wide or not v.isascii()
        elif t is int:
            wide = wide or not 0 <= v < 128
    return longest * (4 if wide else 1)


def _from_bytes(obj: Any) -> Callable[..., Any]:
    method = obj.from_bytes

    def from_bytes(data: Any, *args: Any, **kwargs: Any) -> Any:
        if hasattr(data, '__len__'):
            check_int_bits(len(data) * 8, 'int.from_bytes()')
        return method(data, *args, **kwargs)

    return from_bytes


def _to_bytes(obj: Any) -> Callable[..., Any]:
    method = obj.to_bytes

    def to_bytes(*args: Any, **kwargs: Any) -> Any:
        args, length = _read_once(args, kwargs, 'length') if args or 'length' in kwargs else (args, 1)
        reserve(_width(length), 'to_bytes()')
        return method(*args, **kwargs)

    return to_bytes


WRAPPERS[(str, 'format')] = sandbox_format
WRAPPERS[(str, 'format_map')] = sandbox_format_map
for _t in (str, bytes, bytearray):
    for _name in ('center', 'ljust', 'rjust', 'zfill'):
        WRAPPERS[(_t, _name)] = _padding(_name)
    WRAPPERS[(_t, 'expandtabs')] = _expandtabs
    WRAPPERS[(_t, 'replace')] = _replace
    WRAPPERS[(_t, 'join')] = _join
WRAPPERS[(str, 'translate')] = _translate
WRAPPERS[(int, 'from_bytes')] = _from_bytes
WRAPPERS[(int, 'to_bytes')] = _to_bytes
WRAPPERS[(bool, 'to_bytes')] = _to_bytes
reset_plain_cache()
