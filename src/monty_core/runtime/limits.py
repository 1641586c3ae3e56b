"""Memory limits: per-run accounting, and size pre-checks for operations whose result size is known.

Accounting (`MemoryAccount`) measures what the host pays: growth of the process's resident set size
(RSS) since the run started, and growth of CPython's allocated-block count (`max_allocations`). Time
spent paused at host calls is excluded (whatever the host or another run allocates meanwhile is
subtracted). The meter checks the account at most every `CHECK_INTERVAL` seconds of sandbox time, and
its watchdog thread forces such a check at least every few milliseconds (see meter.py), so growth by
loops is caught within a few milliseconds of work.

Pre-checks (`reserve`) run before an operation that would allocate a result of computable size:
`*` on sequences, `**`, `<<`, `%`-formatting and format-spec widths, padding methods, `replace`,
`join`, `bytes(n)`/`bytearray(n)`, range materialisation. A pre-check that cannot fit raises
`MemoryError('memory limit exceeded ...')` before anything is allocated.
"""

from __future__ import annotations

import gc
import os
import re
import resource
import sys
import threading
import time
from collections.abc import Iterator
from itertools import compress
from math import log2 as _log2
from operator import index as _index
from typing import Any

CHECK_INTERVAL = 0.002  # seconds of sandbox time between two accounting checks
LONG_PAUSE = 0.001  # host-call pauses longer than this are subtracted from the run's memory growth
SMALL = 1 << 20  # results below 1 MiB are never pre-checked (and never counted)

_getsizeof = sys.getsizeof
_range = range
_blocks = sys.getallocatedblocks
_monotonic = time.perf_counter  # the meter passes its own perf_counter readings
_type = type


def _open_statm() -> int | None:
    try:
        return os.open('/proc/self/statm', os.O_RDONLY)
    except OSError:
        return None


_STATM = _open_statm()
_PAGE = os.sysconf('SC_PAGE_SIZE') if hasattr(os, 'sysconf') else 4096
_MAXRSS_UNIT = 1 if sys.platform == 'darwin' else 1024


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT


def current_rss() -> int:
    """The process's resident set size in bytes (its peak where /proc is not available)."""
    if _STATM is not None:
        try:
            return int(os.pread(_STATM, 64, 0).split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            pass
    return peak_rss()


def _load_trim() -> Any:
    """glibc's `malloc_trim`, or None: freed memory stays in the process (and in its RSS) until the
    allocator returns it, so a run that freed what it had allocated could still look over its limit."""
    if not sys.platform.startswith('linux'):
        return None
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _load_trim()


def _mib(n: int) -> str:
    return f'{n / (1 << 20):.0f} MiB' if n >= (1 << 20) else f'{n} bytes'


class _CollectorWatch:
    """Blocks the cycle collector frees while runs with an allocation limit are executing.

    `getallocatedblocks()` falls when a collection frees garbage made *before* a run (a host's, or an
    earlier run's, cycles waiting in the oldest generation): crediting that to the run would let it
    allocate as much again unnoticed. The watch hands each executing account the number of blocks a
    collection freed, and the account adds them back, so only frees by reference count are credited.
    The run's own cyclic garbage then counts until the run ends: the error is on the safe side.
    """

    __slots__ = ('accounts', 'before')

    def __init__(self) -> None:
        self.accounts: set[MemoryAccount] = set()
        self.before = 0

    def add(self, account: MemoryAccount) -> None:
        if not self.accounts and self._on_collect not in gc.callbacks:
            gc.callbacks.append(self._on_collect)
        self.accounts.add(account)

    def discard(self, account: MemoryAccount) -> None:
        self.accounts.discard(account)

    def _on_collect(self, phase: str, _info: dict[str, int]) -> None:
        if not self.accounts:  # installed once, idle between runs
            return
        if phase == 'start':
            self.before = _blocks()
            return
        freed = self.before - _blocks()
        if freed > 0:
            for account in tuple(self.accounts):
                account.collected(freed)


_COLLECTOR = _CollectorWatch()


class MemoryAccount:
    """One run's memory and allocation budget."""

    __slots__ = (
        '_base_blocks',
        '_base_rss',
        '_last_peak',
        '_paused_at',
        '_paused_blocks',
        '_pending',
        '_strikes',
        'max_allocations',
        'max_memory',
        'used',
    )

    def __init__(self, max_memory: int | None, max_allocations: int | None) -> None:
        self.max_memory = max_memory
        self.max_allocations = max_allocations
        self._base_rss = -1
        self._base_blocks = -1
        self._paused_at = 0.0
        self._last_peak = 0
        self._paused_blocks = 0
        self._pending = 0  # bytes reserved by pre-checks since the last measurement
        self._strikes = 0
        self.used = 0  # last measured growth, bytes

    # -- slices: memory the host allocates while the run is paused is not the run's --------------
    # Reading RSS costs a syscall, too much for every host call. The baseline is taken at the first
    # check (growth before it is bounded by the pre-checks and by CHECK_INTERVAL). A pause longer
    # than LONG_PAUSE credits the run with whatever the peak RSS grew by since the last check (the
    # host's allocations during the pause, plus at most one check interval of the run's own).
    def resume(self, now: float = 0.0) -> None:
        """`now`: the caller's `time.perf_counter()` reading, if it has one."""
        if self.max_memory is not None and self._paused_at and self._base_rss >= 0:
            if (now or _monotonic()) - self._paused_at > LONG_PAUSE:
                peak = peak_rss()
                if peak > self._last_peak:
                    self._base_rss += peak - self._last_peak
                    self._last_peak = peak
        self._paused_at = 0.0
        if self.max_allocations is not None:
            if self._base_blocks < 0:
                self._base_blocks = _blocks()
            elif self._paused_blocks:
                self._base_blocks += _blocks() - self._paused_blocks
            _COLLECTOR.add(self)

    def pause(self, now: float = 0.0) -> None:
        self._paused_at = now or _monotonic()
        if self.max_allocations is not None:
            _COLLECTOR.discard(self)
            self._paused_blocks = _blocks()

    def collected(self, freed: int) -> None:
        """The cycle collector freed `freed` blocks while the run was executing (see `_CollectorWatch`)."""
        self._base_blocks -= freed

    # -- checks -----------------------------------------------------------------------------------
    def check(self) -> MemoryError | None:
        """Measure; return the error to raise if a limit is exceeded (None otherwise)."""
        self._pending = 0
        limit = self.max_memory
        if limit is not None:
            if self._base_rss < 0:
                self._base_rss = current_rss()
            base = self._base_rss
            # Peak RSS bounds current RSS: when even the peak is within budget, skip reading /proc.
            peak = self._last_peak = peak_rss()
            if peak - base > limit:
                used = current_rss() - base
                if used > limit and _TRIM is not None:
                    _TRIM(0)  # hand freed memory back first: only what is still held counts
                    used = current_rss() - base
                self.used = used
                if used > limit:
                    self._strikes += 1
                    return MemoryError(f'memory limit exceeded ({_mib(limit)}): the run uses {_mib(used)}')
        cap = self.max_allocations
        if cap is not None:
            count = _blocks() - self._base_blocks
            if count > cap:
                self._strikes += 1
                return MemoryError(f'allocation limit exceeded ({cap} allocations): the run holds {count}')
        self._strikes = 0
        return None

    @property
    def strikes(self) -> int:
        """Consecutive checks that found the run over a limit."""
        return self._strikes

    def reserve(self, nbytes: int, what: str) -> None:
        """Raise `MemoryError` if allocating `nbytes` more would exceed the memory limit."""
        limit = self.max_memory
        if limit is None:
            return
        if nbytes > limit:
            raise MemoryError(f'memory limit exceeded ({_mib(limit)}): {what} would need {_mib(nbytes)}')
        pending = self._pending + nbytes
        if self.used + pending > limit or pending > limit >> 3:
            self._pending = 0
            if self._base_rss < 0:
                self._base_rss = current_rss()
            used = max(current_rss() - self._base_rss, 0)
            self.used = used
            if used + nbytes > limit:
                raise MemoryError(
                    f'memory limit exceeded ({_mib(limit)}): {what} would need {_mib(nbytes)} '
                    f'more (the run uses {_mib(used)})'
                )
            pending = nbytes
        self._pending = pending


class _Current(threading.local):
    account: MemoryAccount | None = None
    ticker: Iterator[bool] | None = None


CURRENT = _Current()  # the account and ticker of the run executing on this thread (set by the meter)


def reserve(nbytes: int, what: str) -> None:
    """Pre-check an allocation of `nbytes` against the running sandbox's memory limit."""
    if nbytes >= SMALL:
        account = CURRENT.account
        if account is not None:
            account.reserve(nbytes, what)


def _limit_items() -> int | None:
    account = CURRENT.account
    if account is None or account.max_memory is None:
        return None
    return account.max_memory >> 4


# -- size estimates ------------------------------------------------------------------------------
_SEQUENCES = (str, bytes, bytearray, list, tuple)


# Bytes per item of the built-in sequences (str: per character of an ASCII string).
_ITEM_SIZE: dict[type, int] = {str: 1, bytes: 1, bytearray: 1, list: 8, tuple: 8}


def _payload(seq: Any) -> int:
    """The bytes `seq`'s items occupy in a built-in sequence (its whole size for a subclass)."""
    per_item = _ITEM_SIZE.get(_type(seq))
    if per_item is None:
        return _getsizeof(seq)
    length = len(seq)
    if per_item == 1 and _type(seq) is str and length and not seq.isascii():
        per_item = max((_getsizeof(seq) - 72) // (length + 1), 1)  # 1, 2 or 4 bytes per character
    return length * per_item


def _seq_repeat_size(seq: Any, times: Any) -> int:
    """The size of `seq * times`: its items' share only, as CPython allocates it (`[0] * 10**7` is
    80 MB of references to one `0`, not ten million lists)."""
    try:
        n = _index(times)
    except TypeError:
        return 0
    if n <= 1:
        return 0
    return _payload(seq) * n + 64


def _check_concat(a: Any, b: Any) -> None:
    if isinstance(a, _SEQUENCES) and isinstance(b, _SEQUENCES):
        reserve(_payload(a) + _payload(b), 'concatenating')


def add(a: Any, b: Any) -> Any:
    """`a + b`, pre-checked when both are sequences (code that runs once, and long `+` chains: see
    compiler/amplification.py)."""
    if _type(a) is str and _type(b) is str:
        if len(a) + len(b) >= SMALL >> 2:  # at most 4 bytes a character: smaller is never checked
            reserve(_payload(a) + _payload(b), 'concatenating')
        # A str is immutable: `+=` is the same concatenation, and CPython appends in place when `a`
        # is the previous link of a chain (`_m_add(_m_add(a, b), c)`), so a long chain is linear.
        a += b
        return a
    _check_concat(a, b)
    return a + b


def concat(*pieces: str) -> str:
    """A multi-field f-string (run once, or with many fields), from its rendered pieces: weighed,
    then joined."""
    if sum(map(len, pieces)) >= SMALL >> 2:  # at most 4 bytes a character: smaller is never checked
        reserve(sum(map(_payload, pieces)), 'concatenating')
    return ''.join(pieces)


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
    count = _separator_count(text, None, line_breaks=True)
    reserve(_pieces_size(text, count + 1, len(text)), 'splitlines()')


# Bytes per character an encoding (or error handler) can produce at most.
_ENCODED_WIDTH = {'unicode_escape': 10, 'raw_unicode_escape': 10, 'utf_7': 8, 'idna': 4, 'punycode': 4}
_ERRORS_WIDTH = {'xmlcharrefreplace': 10, 'backslashreplace': 10, 'namereplace': 100}


def check_encode(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
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


def iadd(a: Any, b: Any) -> Any:
    """`a += b`, pre-checked like `add`."""
    _check_concat(a, b)
    a += b
    return a


def check_mul(a: Any, b: Any) -> None:
    """Pre-check `a * b` for a caller that then runs the native operation (the operator dunders)."""
    if isinstance(a, _SEQUENCES):
        reserve(_seq_repeat_size(a, _fixed_count(b)), 'repeating a sequence')
    elif isinstance(b, _SEQUENCES):
        reserve(_seq_repeat_size(b, _fixed_count(a)), 'repeating a sequence')
    elif isinstance(a, int) and isinstance(b, int):
        _check_int_product(a, b)


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


def _int_bits(x: Any) -> int:
    try:
        return abs(_index(x)).bit_length()
    except TypeError:
        return 0


# `pow(a, b, m)` does about bits(b) multiplications modulo an m of bits(m) bits, each quadratic, in one C
# call that holds the GIL (neither the meter nor its watchdog can stop it): the result is small, but
# `pow(3, 10**20000, 10**20000 + 7)` runs for minutes. Work units: bits(b) * (bits(m)^2 + 16000), about
# 1.6e-12 s each here (small moduli cost ~25 ns a bit); RSA-4096 is 7e10 (0.1 s). Fixed rather than
# derived from the time left, so a run gives the same answer on every machine.
MODPOW_WORK = 2 * 10**11


def check_modpow(exp_bits: int, mod_bits: int, what: str = 'pow() with a modulus') -> None:
    """Refuse a modular power whose work would hold the interpreter far beyond any time limit."""
    work = exp_bits * (mod_bits * mod_bits + 16_000)
    if work > MODPOW_WORK:
        raise TimeoutError(
            f'{what} would take too long for the sandbox ({exp_bits}-bit exponent, {mod_bits}-bit modulus)'
        )


def check_pow(a: Any, b: Any, mod: Any = None) -> None:
    if mod is not None:
        if isinstance(b, int) and isinstance(mod, int):
            check_modpow(_int_bits(b), _int_bits(mod))
            if b < 0:  # a modular inverse first: extended Euclid, ~55 divisions' worth of steps
                m = mod.bit_length()
                check_int_work(INVERSE_WORK_FACTOR * m * m, 'pow() with a negative exponent and a modulus', m)
        return
    if _type(a) is float or _type(b) is float:
        return
    if isinstance(a, int) and isinstance(b, int) and b > 1:
        bits = _int_bits(a)
        if bits > 1:
            check_int_bits(int(b * _log2(abs(a))) + 1, 'power')
            reserve((bits * b) // 8, 'a power')


def check_lshift(a: Any, b: Any) -> None:
    if isinstance(a, int) and isinstance(b, int) and b > 64 and a:
        check_int_bits(_int_bits(a) + b, 'left shift')
        reserve((_int_bits(a) + b) // 8, 'a left shift')


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
    if isinstance(a, int):
        check_division(a, b)
    elif isinstance(a, (str, bytes, bytearray)):
        width = _percent_widths(a, b)
        if width >= SMALL:
            reserve(width + len(a), '%-formatting')


def check_format_spec(spec: Any) -> None:
    """Pre-check the widths and precisions in a format spec (`format(x, spec)`, f-strings, str.format)."""
    if _type(spec) is str and len(spec) > 4:
        total = 0
        for run in _DIGITS.findall(spec):
            if len(run) > 4:
                total += int(run)
        if total >= SMALL:
            reserve(total, 'a format width')


# -- guarded operators (the compiler emits these where it cannot prove the operands numeric) -------
# Integers are limited in size: CPython's division is quadratic in their length and runs in one C
# call, which the meter cannot interrupt (`(1 << 8_000_000) // ((1 << 4_000_000) - 1)` holds the GIL
# for 17 s). At 2**21 bits (631,000 decimal digits) the slowest single operation, a division, takes
# about a second. The operations that build big integers cheaply (`**`, `<<`, `*` of two big
# integers, `int.from_bytes`, `math.factorial`/`comb`/`perm`/`prod`) are checked against it.
MAX_INT_BITS = 1 << 21
_BIG = 1 << 64


def check_int_bits(bits: int, what: str) -> None:
    """Refuse an integer result of about `bits` bits beyond `MAX_INT_BITS`."""
    if bits > MAX_INT_BITS:
        raise MemoryError(
            f'{what}: the integer result would be too large for the sandbox (about {bits} bits; '
            f'the limit is {MAX_INT_BITS})'
        )


def _check_int_product(a: int, b: int) -> None:
    if (a >= _BIG or a <= -_BIG) and (b >= _BIG or b <= -_BIG):
        check_int_bits(a.bit_length() + b.bit_length(), 'multiplication')


# Work in one C call on big integers. CPython 3.11 divides (`//`, `%`, `divmod`, `round(x, -k)`),
# takes gcds (`math.gcd`/`lcm`, `Fraction`) and converts to `Decimal` by schoolbook algorithms:
# about bits(a) * bits(b) steps of ~1.4e-12 s here, with no way for the meter or its watchdog to stop
# them (`divmod` of a 4M-bit by a 2M-bit integer: 5.5 s). `INT_WORK` caps one such call at ~0.14 s of
# this machine; beyond, it raises `TimeoutError` (fixed, not derived from the time left, so a run gives
# the same answer on every machine). Modular inverses (`pow(x, -1, m)`) cost ~55x a division's steps.
INT_WORK = 10**11
INVERSE_WORK_FACTOR = 64


def check_int_work(work: int, what: str, *bits: int) -> None:
    """Refuse an integer operation of `work` steps (bit x bit) beyond `INT_WORK`."""
    if work > INT_WORK:
        sizes = ' and '.join(map(str, bits))
        raise TimeoutError(
            f'{what} would take too long for the sandbox (integers of {sizes} bits; split the work or '
            'use smaller numbers)'
        )


def check_division(a: Any, b: Any, what: str = 'integer division') -> None:
    """`a // b`, `a % b`, `divmod(a, b)` of integers: long division, bits(quotient) x bits(b) steps."""
    if isinstance(a, int) and isinstance(b, int):
        divisor = b.bit_length()
        if divisor > 64:
            quotient = a.bit_length() - divisor
            if quotient > 64:
                check_int_work(quotient * divisor, what, a.bit_length(), divisor)


def check_gcd(numbers: tuple[Any, ...], what: str = 'gcd') -> None:
    """`math.gcd`/`lcm` and the like: Lehmer's gcd, about bits(a) x bits(b) steps per pair."""
    work = 0
    running = -1
    sizes: list[int] = []
    for x in numbers:
        if isinstance(x, int):
            bits = x.bit_length()
            sizes.append(bits)
            if running >= 0:
                work += running * bits
                running = min(running, bits)
            else:
                running = bits
    if work > INT_WORK:
        check_int_work(work, what, *sizes)


def check_int_conversion(x: Any, what: str) -> None:
    """An integer converted to decimal digits by a quadratic algorithm (`Decimal(n)`, mixed
    `Decimal`-int arithmetic and comparisons): about bits^2 steps."""
    if isinstance(x, int):
        bits = x.bit_length()
        if bits > 100_000:
            check_int_work(bits * bits, what, bits)


def check_round(x: Any, ndigits: Any) -> None:
    """`round(n, -k)` of an integer computes 10**k, then divides by it."""
    if isinstance(x, int) and isinstance(ndigits, int) and ndigits < 0:
        pow_bits = int(-ndigits * 3.3219280948873626) + 1
        check_int_bits(pow_bits, 'round()')
        quotient = x.bit_length() - pow_bits
        if pow_bits > 64 and quotient > 64:
            check_int_work(quotient * pow_bits, 'round()', x.bit_length(), pow_bits)


def checked_round(number: Any, ndigits: Any = None) -> Any:
    """The sandbox's `round`."""
    if ndigits is not None:
        check_round(number, ndigits)
        return round(number, ndigits)
    return round(number)


checked_round.__name__ = checked_round.__qualname__ = 'round'
checked_round.__module__ = 'builtins'


_NUMBERS = frozenset({int, float, bool})
_SEQ_TYPES = frozenset(_SEQUENCES)


def mul(a: Any, b: Any) -> Any:
    ta = _type(a)
    tb = _type(b)
    if ta is int and tb is int:
        if (a >= _BIG or a <= -_BIG) and (b >= _BIG or b <= -_BIG):  # inline: the common case is small
            check_int_bits(a.bit_length() + b.bit_length(), 'multiplication')
        return a * b
    if ta in _NUMBERS and tb in _NUMBERS:
        return a * b
    if ta in _SEQ_TYPES:
        return _repeat(a, b, True, False)
    if tb in _SEQ_TYPES:
        return _repeat(b, a, False, False)
    check_mul(a, b)
    return a * b


def imul(a: Any, b: Any) -> Any:
    ta = _type(a)
    tb = _type(b)
    if ta in _NUMBERS and tb in _NUMBERS:
        if ta is int and tb is int:
            _check_int_product(a, b)
        a *= b
        return a
    if ta in _SEQ_TYPES:
        return _repeat(a, b, True, True)
    if tb in _SEQ_TYPES:
        return _repeat(b, a, False, False)
    check_mul(a, b)
    a *= b
    return a


def _repeat(seq: Any, times: Any, seq_first: bool, inplace: bool) -> Any:
    """`seq * times` (or `times * seq`, or `seq *= times`) for a built-in sequence, with a sandbox
    `__index__` count read once: CPython would read it again after the check, and it may answer 1 to
    the check and 10**9 to CPython."""
    if user_index(times):
        # CPython first offers the count's own `__rmul__` (`__mul__` when it comes first).
        hook = getattr(_type(times), '__rmul__' if seq_first else '__mul__', None)
        if hook is not None:
            result = hook(times, seq)
            if result is not NotImplemented:
                return result
        times = _index(times)
    reserve(_seq_repeat_size(seq, times), 'repeating a sequence')
    if inplace:
        seq *= times
        return seq
    return seq * times if seq_first else times * seq


def user_index(x: Any) -> bool:
    """Whether CPython would read `x` as an integer through an `__index__` method (an int, or an int
    subclass, is read as its value; no builtin non-int type has `__index__`)."""
    return not isinstance(x, int) and hasattr(_type(x), '__index__')


def power(a: Any, b: Any) -> Any:
    if _type(a) is not float and _type(b) is not float:
        check_pow(a, b)
    return a**b


def ipower(a: Any, b: Any) -> Any:
    if _type(a) is not float and _type(b) is not float:
        check_pow(a, b)
    a **= b
    return a


def lshift(a: Any, b: Any) -> Any:
    check_lshift(a, b)
    return a << b


def ilshift(a: Any, b: Any) -> Any:
    check_lshift(a, b)
    a <<= b
    return a


def mod(a: Any, b: Any) -> Any:
    ta = _type(a)
    if ta is int:
        check_division(a, b)
    elif ta is not float:
        check_mod(a, b)
    return a % b


def imod(a: Any, b: Any) -> Any:
    ta = _type(a)
    if ta is int:
        check_division(a, b)
    elif ta is not float:
        check_mod(a, b)
    a %= b
    return a


def floordiv(a: Any, b: Any) -> Any:
    """`_m_floordiv`: `a // b` where the divisor may be a big integer."""
    check_division(a, b)
    return a // b


def ifloordiv(a: Any, b: Any) -> Any:
    check_division(a, b)
    a //= b
    return a


def checked_divmod(a: Any, b: Any, /) -> Any:
    """The sandbox's `divmod`."""
    check_division(a, b)
    return divmod(a, b)


checked_divmod.__name__ = checked_divmod.__qualname__ = 'divmod'
checked_divmod.__module__ = 'builtins'


def checked_pow(base: Any, exp: Any, mod: Any = None) -> Any:
    """The sandbox's `pow`."""
    check_pow(base, exp, mod)
    return pow(base, exp, mod)


def checked_format(value: Any, spec: Any = '') -> str:
    """The sandbox's `format` (and f-string fields with computed specs)."""
    check_format_spec(spec)
    return format(value, spec)


def check_length(n: Any) -> Any:
    """Bound the value a sandbox `__len__`/`__length_hint__` reports (C code preallocates from it)."""
    # Above sys.maxsize CPython raises its own OverflowError ("cannot fit 'int' into an index-sized
    # integer") before allocating anything.
    if _type(n) is int and 100_000 < n <= sys.maxsize:
        cap = _limit_items()
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


# -- ranges -------------------------------------------------------------------------------------
BIG_RANGE = 1 << 20  # ranges longer than this are BigRange stand-ins with metered iteration


def range_length(r: range) -> int:
    try:
        return len(r)
    except OverflowError:
        if r.step > 0:
            return (r.stop - r.start + r.step - 1) // r.step
        return (r.start - r.stop - r.step - 1) // -r.step


class BigRange:
    """A long `range` in the sandbox: same behaviour, but C code cannot drain it unmetered.

    Iteration ticks the run's meter; `len()` refuses lengths whose materialisation could not fit the
    memory limit (C code preallocates `len()` items: `tuple(r)`, `f(*r)`, `[*r]`); `in`, `index` and
    `count` are O(1) for integers and metered scans otherwise.
    """

    __slots__ = ('_r',)

    def __init__(self, r: _range) -> None:
        self._r = r

    @property
    def start(self) -> int:
        return self._r.start

    @property
    def stop(self) -> int:
        return self._r.stop

    @property
    def step(self) -> int:
        return self._r.step

    @property
    def range(self) -> _range:
        return self._r

    def _ticked(self, it: Iterator[int]) -> Iterator[int]:
        ticker = CURRENT.ticker
        return it if ticker is None else compress(it, ticker)

    def __iter__(self) -> Iterator[int]:
        return self._ticked(iter(self._r))

    def __reversed__(self) -> Iterator[int]:
        return self._ticked(reversed(self._r))

    def __len__(self) -> int:
        n = range_length(self._r)
        cap = _limit_items()
        if cap is not None and n > cap:
            raise MemoryError(
                f'memory limit exceeded: a range of {n} items cannot be measured or materialised in the '
                'sandbox (iterate over it instead)'
            )
        return len(self._r)

    def __bool__(self) -> bool:
        return bool(range_length(self._r))

    def __contains__(self, value: Any) -> bool:
        if _type(value) in (int, bool):
            return value in self._r
        return any(value == v for v in self._ticked(iter(self._r)))

    def index(self, value: Any) -> int:
        if _type(value) in (int, bool):
            return self._r.index(value)
        for i, v in enumerate(self._ticked(iter(self._r))):
            if v == value:
                return i
        raise ValueError(f'{value!r} is not in range')

    def count(self, value: Any) -> int:
        if _type(value) in (int, bool):
            return self._r.count(value)
        return sum(1 for v in self._ticked(iter(self._r)) if v == value)

    def __getitem__(self, item: Any) -> Any:
        out = self._r[item]
        return make_range(out) if _type(out) is range else out

    def __eq__(self, other: Any) -> bool:
        if _type(other) is BigRange:
            return self._r == other._r
        if _type(other) is range:
            return self._r == other
        return NotImplemented

    def __ne__(self, other: Any) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(self._r)

    def __repr__(self) -> str:
        return repr(self._r)


def make_range(r: range) -> range | BigRange:
    return r if range_length(r) <= BIG_RANGE else BigRange(r)
