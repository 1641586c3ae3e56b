"""Size pre-checks: the bytes an operation will allocate, weighed before it runs.

Pre-checks run before an operation that would allocate a result of computable size: `*` on sequences,
`**`, `<<`, `%`-formatting and format-spec widths, padding methods, `replace`, `join`,
`bytes(n)`/`bytearray(n)`, single C calls that expand a text (`split`, `encode`, ...), and lengths
that C code preallocates from. Each estimates the result and hands it to `memory.reserve`, which
raises `MemoryError('memory limit exceeded ...')` before anything is allocated if it cannot fit.
"""

from __future__ import annotations

import re
import sys
from math import log2 as _log2
from operator import index as _index
from typing import Any

from .bigints import (
    INVERSE_WORK_FACTOR,
    check_division,
    check_int_bits,
    check_int_product,
    check_int_work,
    check_modpow,
    int_bits,
)
from .memory import SMALL, item_cap, reserve

_getsizeof = sys.getsizeof
_type = type

# -- size estimates ------------------------------------------------------------------------------
SEQUENCES = (str, bytes, bytearray, list, tuple)


# Bytes per item of the built-in sequences (str: per character of an ASCII string).
_ITEM_SIZE: dict[type, int] = {str: 1, bytes: 1, bytearray: 1, list: 8, tuple: 8}


def payload_size(seq: Any) -> int:
    """The bytes `seq`'s items occupy in a built-in sequence (its whole size for a subclass)."""
    per_item = _ITEM_SIZE.get(_type(seq))
    if per_item is None:
        return _getsizeof(seq)
    length = len(seq)
    if per_item == 1 and _type(seq) is str and length and not seq.isascii():
        per_item = max((_getsizeof(seq) - 72) // (length + 1), 1)  # 1, 2 or 4 bytes per character
    return length * per_item


def repeat_size(seq: Any, times: Any) -> int:
    """The size of `seq * times`: its items' share only, as CPython allocates it (`[0] * 10**7` is
    80 MB of references to one `0`, not ten million lists)."""
    try:
        n = _index(times)
    except TypeError:
        return 0
    if n <= 1:
        return 0
    return payload_size(seq) * n + 64


def check_concat(a: Any, b: Any) -> None:
    """Pre-check `a + b` of two sequences: the result holds both payloads."""
    if isinstance(a, SEQUENCES) and isinstance(b, SEQUENCES):
        reserve(payload_size(a) + payload_size(b), 'concatenating')


# -- single C calls that expand a string or bytes: weighed before the call ------------------------
# Results are lists of small objects: a list slot is 8 bytes, a str object 49 bytes + its text (those
# of 0 or 1 Latin-1 characters are shared singletons), a bytes object 33 bytes + its data.
TEXT_TYPES = frozenset({str, bytes, bytearray})
EXPANDS_FROM = 1 << 14  # shorter texts cannot expand past SMALL (64 bytes per character at most)
METERED_TEXT = 1 << 20  # consumers iterate texts and containers at least this long under the meter
_STR_OBJECT = 56
_BYTES_OBJECT = 40
_ASCII_SPACE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f'
_ASCII_LINE_BREAKS = '\n\r\x0b\x0c\x1c\x1d\x1e'


def _char_unit(text: Any) -> int:
    """Bytes per character of a str (1, 2 or 4), 1 for bytes."""
    if _type(text) is not str or text.isascii():
        return 1
    return max((_getsizeof(text) - 72) // (len(text) + 1), 1)


def check_items(text: Any, what: str) -> None:
    """`list(s)`, `tuple(s)`, `sorted(s)`, `[*s]`, `f(*s)` of a str or bytes: one item per character;
    characters beyond Latin-1 are new str objects each."""
    if _type(text) in TEXT_TYPES:
        n = len(text)
        if n >= EXPANDS_FROM:
            per_item = 8 if _char_unit(text) == 1 else 8 + 80
            reserve(n * per_item + 64, what)


def _pieces_size(text: Any, pieces: int, piece_chars: int) -> int:
    """The list of `pieces` strings (or bytes) holding `piece_chars` characters in all."""
    unit = _char_unit(text)
    header = _STR_OBJECT if _type(text) is str else _BYTES_OBJECT
    # Pieces of 0 or 1 character are shared objects: at most piece_chars // 2 pieces are new.
    return pieces * 8 + min(pieces, piece_chars // 2) * header + piece_chars * unit + 64


def _separator_count(text: Any, sep: Any, line_breaks: bool = False) -> int:
    """An upper bound of the separators `split()` / `splitlines()` can find in `text`."""
    n = len(text)
    if sep is not None:
        return text.count(sep) if len(sep) else 0
    ascii_text = _type(text) is not str or text.isascii()
    if not ascii_text:
        return n  # Unicode whitespace and line breaks: not worth counting one by one
    chars = _ASCII_LINE_BREAKS if line_breaks else _ASCII_SPACE
    if _type(text) is not str:
        return sum(text.count(c.encode()) for c in chars)
    return sum(text.count(c) for c in chars)


def check_split(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`split`/`rsplit`: the pieces between the separators."""
    sep = args[0] if args else kwargs.get('sep')
    maxsplit = args[1] if len(args) > 1 else kwargs.get('maxsplit', -1)
    if sep is not None and (_type(sep) is str) != (_type(text) is str):
        return  # CPython's own error (a str separator for bytes, or anything else)
    count = _separator_count(text, sep)
    if _type(maxsplit) is int and 0 <= maxsplit < count:
        count = maxsplit
    n = len(text)
    pieces = min(count + 1, n // 2 + 1) if sep is None else count + 1
    piece_chars = max(n - count * (len(sep) if sep is not None else 1), 0)
    reserve(_pieces_size(text, pieces, piece_chars), 'split()')


def check_splitlines(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`splitlines`: at most one piece per line break, holding the whole text."""
    count = _separator_count(text, None, line_breaks=True)
    reserve(_pieces_size(text, count + 1, len(text)), 'splitlines()')


# Bytes per character an encoding (or error handler) can produce at most.
_ENCODED_WIDTH = {'unicode_escape': 10, 'raw_unicode_escape': 10, 'utf_7': 8, 'idna': 4, 'punycode': 4}
_ERRORS_WIDTH = {'xmlcharrefreplace': 10, 'backslashreplace': 10, 'namereplace': 100}


def check_encode(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`str.encode`: the text's length times the most bytes a character can take in the encoding (or
    as its error handler's replacement)."""
    encoding = args[0] if args else kwargs.get('encoding', 'utf-8')
    errors = args[1] if len(args) > 1 else kwargs.get('errors', 'strict')
    if _type(text) is not str or _type(encoding) is not str:
        return
    key = encoding.lower().replace('-', '_')
    if key in ('utf_8', 'utf8') and text.isascii():
        width = 1
    else:
        width = _ENCODED_WIDTH.get(key, 4)
    width = max(width, _ERRORS_WIDTH.get(errors, 1) if _type(errors) is str else 1)
    reserve(len(text) * width + 64, 'encode()')


def check_decode(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`decode`: 2 bytes of text per input byte (4 under `backslashreplace`, which writes `\\xff`)."""
    errors = args[1] if len(args) > 1 else kwargs.get('errors', 'strict')
    # A decoded character takes at most 4 bytes per input byte (a replaced byte: '\\xff', 4 chars).
    width = 4 if errors == 'backslashreplace' else 2
    reserve(len(text) * width + 64, 'decode()')


# Methods of str/bytes/bytearray the compiler routes through `expand_call` when their receiver is
# long (`EXPANDS_FROM` characters or more): each weighs the result before CPython builds it.
EXPANDING_METHODS = {
    'split': check_split,
    'rsplit': check_split,
    'splitlines': check_splitlines,
    'encode': check_encode,
    'decode': check_decode,
}


def check_mul(a: Any, b: Any) -> None:
    """Pre-check `a * b` for a caller that then runs the native operation (the operator dunders)."""
    if isinstance(a, SEQUENCES):
        reserve(repeat_size(a, _fixed_count(b)), 'repeating a sequence')
    elif isinstance(b, SEQUENCES):
        reserve(repeat_size(b, _fixed_count(a)), 'repeating a sequence')
    elif isinstance(a, int) and isinstance(b, int):
        check_int_product(a, b)


def _fixed_count(times: Any) -> Any:
    """A repeat count that CPython will read again after the check: refused when a sandbox
    `__index__` computes it (it may answer 1 to the check and 10**9 to CPython). `mul`/`imul` read
    such a count once and pass the int on instead; this is for callers that cannot."""
    if user_index(times):
        raise TypeError(
            f"the sandbox repeats a sequence here only by an int count, not by a '{_type(times).__name__}' "
            '(pass operator.index(n))'
        )
    return times


def check_pow(a: Any, b: Any, mod: Any = None) -> None:
    """Pre-check `a ** b` of integers: the result's bits bounded and its memory weighed; with a modulus,
    the work of the modular power (and of the inverse, for a negative exponent) bounded instead."""
    if mod is not None:
        if isinstance(b, int) and isinstance(mod, int):
            check_modpow(int_bits(b), int_bits(mod))
            if b < 0:  # a modular inverse first: extended Euclid, ~55 divisions' worth of steps
                m = mod.bit_length()
                check_int_work(INVERSE_WORK_FACTOR * m * m, 'pow() with a negative exponent and a modulus', m)
        return
    if _type(a) is float or _type(b) is float:
        return
    if isinstance(a, int) and isinstance(b, int) and b > 1:
        bits = int_bits(a)
        if bits > 1:
            check_int_bits(int(b * _log2(abs(a))) + 1, 'power')
            reserve((bits * b) // 8, 'a power')


def check_lshift(a: Any, b: Any) -> None:
    """Pre-check `a << b` of integers by more than 64 bits: the result's bits bounded, its memory
    weighed."""
    if isinstance(a, int) and isinstance(b, int) and b > 64 and a:
        check_int_bits(int_bits(a) + b, 'left shift')
        reserve((int_bits(a) + b) // 8, 'a left shift')


_PERCENT_SPEC = re.compile(r'%(?:%|(?:\(([^)]*)\))?[#0+\- ]*(\*|\d+)?(?:\.(\*|\d+))?)')
_DIGITS = re.compile(r'\d+')


def _percent_widths(fmt: str | bytes | bytearray, args: Any) -> int:
    """What a `%`-format builds beyond its literal text: big widths and precisions, and the text of
    its arguments (`('%s' * 1000) % ((big,) * 1000)` renders a big string a thousand times)."""
    text: Any = fmt
    binary = _type(text) is not str
    if binary:
        text = bytes(text).decode('latin-1')
    if '%' not in text:
        return 0
    size = _binary_size if binary else rendered_size
    mapping = isinstance(args, dict)
    items: Any = args if _type(args) is tuple else (args,)
    pos = 0
    total = 0
    for m in _PERCENT_SPEC.finditer(text):  # type: ignore[arg-type]
        if m.group(0) == '%%':
            continue
        for part in (m.group(2), m.group(3)):
            if part == '*':
                if pos < len(items):
                    try:
                        total += max(_index(items[pos]), 0)
                    except TypeError:
                        pass
                pos += 1
            elif part and len(part) > 4:
                total += int(part)
        key = m.group(1)
        if key is not None and mapping:
            try:
                total += size(args[key])  # (a dict subclass's `__missing__` too)
            except Exception:  # CPython raises its own error reading the key
                pass
        elif pos < len(items):
            total += size(items[pos])
        pos += 1
    return total


def _binary_size(value: Any) -> int:
    """`rendered_size` in a bytes format, where `%s`/`%b` insert bytes as they are."""
    return len(value) if _type(value) in (bytes, bytearray) else rendered_size(value)


def rendered_size(value: Any) -> int:
    """About the bytes a value's text takes when formatted (str: its own, 4 per character at most;
    bytes: their repr; big ints: their digits; anything else a small bound, containers being weighed
    by the renderer)."""
    t = _type(value)
    if t is str:
        return len(value) if value.isascii() else 4 * len(value)
    if t is bytes or t is bytearray:
        return 4 * len(value) + 14
    if t is int:
        return value.bit_length() * 3 // 10 + 2
    return 64


def check_mod(a: Any, b: Any) -> None:
    """Pre-check `a % b`: an int's long division, or a str or bytes `%`-format's widths and argument text."""
    if isinstance(a, int):
        check_division(a, b)
    elif isinstance(a, (str, bytes, bytearray)):
        width = _percent_widths(a, b)
        if width >= SMALL:
            reserve(width + len(a), '%-formatting')


def check_format_spec(spec: Any) -> None:
    """Pre-check the widths and precisions in a format spec (`format(x, spec)`, f-strings, str.format),
    and its `%` directives (a date's spec is a `strftime` format: see `check_strftime`)."""
    if _type(spec) is str and len(spec) > 4:
        total = 0
        for run in _DIGITS.findall(spec):
            if len(run) > 4:
                total += int(run)
        if total >= SMALL:
            reserve(total, 'a format width')
        check_strftime(spec)


# The longest text one `strftime` directive expands to, with room (`%c` is 24 characters).
_DIRECTIVE_BYTES = 64


def check_strftime(fmt: Any) -> None:
    """Pre-check a `strftime` format: each `%` directive may expand (`'%A' * 10**7` is 20 MB of format
    and 90 MB of text, built by one C call)."""
    if _type(fmt) is str and len(fmt) * _DIRECTIVE_BYTES >= SMALL:
        need = fmt.count('%') * _DIRECTIVE_BYTES + len(fmt)
        if need >= SMALL:
            reserve(need, 'formatting a date')


def user_index(x: Any) -> bool:
    """Whether CPython would read `x` as an integer through an `__index__` method (an int, or an int
    subclass, is read as its value; no builtin non-int type has `__index__`)."""
    return not isinstance(x, int) and hasattr(_type(x), '__index__')


def check_length(n: Any) -> Any:
    """Bound the value a sandbox `__len__`/`__length_hint__` reports (C code preallocates from it)."""
    # Above sys.maxsize CPython raises its own OverflowError ("cannot fit 'int' into an index-sized
    # integer") before allocating anything.
    if _type(n) is int and 100_000 < n <= sys.maxsize:
        cap = item_cap()
        if cap is not None and n > cap:
            raise MemoryError(f'memory limit exceeded: a length of {n} cannot be materialised')
    return n


# -- bytes and bytearray sizes -------------------------------------------------------------------
def bytes_args(args: tuple[Any, ...], kwargs: dict[str, Any], real: type) -> tuple[Any, ...]:
    """Pre-check `bytes(n)` / `bytearray(n)`; returns the arguments to pass on. A size given by an
    `__index__` object is read once and passed on as an int (CPython would read it again after the
    check), when CPython would read it as a size at all: no encoding, no `__bytes__` (for bytes)."""
    if len(args) != 1 or kwargs:
        return args
    size = args[0]
    if user_index(size) and not (real is bytes and hasattr(_type(size), '__bytes__')):
        size = _index(size)
        args = (size,)
    if isinstance(size, int) and not isinstance(size, bool):
        reserve(int(size), 'bytes of that size')
    return args
