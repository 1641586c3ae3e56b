"""The guarded operators: what the compiled code calls for `+`, `*`, `**`, `<<`, `%`, `//` (and their
augmented forms) where the compiler cannot prove the operands tame (compiler/sizeguard.py and
compiler/amplification.py), and the sandbox's `pow`, `divmod`, `round` and `format` builtins.

Each runs the size pre-checks (sizecheck.py) and integer bounds (bigints.py) its operands call for,
then the native operation.
"""

from __future__ import annotations

from operator import index as _index
from typing import Any

from .arity import NOARG, at_most, expected, missing
from .bigints import BIG_INT, check_division, check_int_bits, check_int_product, check_round
from .memory import SMALL, reserve
from .sizecheck import (
    SEQUENCES,
    check_concat,
    check_format_spec,
    check_lshift,
    check_mod,
    check_mul,
    check_pow,
    payload_size,
    repeat_size,
    user_index,
)

_type = type


def add(a: Any, b: Any) -> Any:
    """`a + b`, pre-checked when both are sequences (code that runs once, and long `+` chains: see
    compiler/amplification.py)."""
    if _type(a) is str and _type(b) is str:
        if len(a) + len(b) >= SMALL >> 2:  # at most 4 bytes a character: smaller is never checked
            reserve(payload_size(a) + payload_size(b), 'concatenating')
        # A str is immutable: `+=` is the same concatenation, and CPython appends in place when `a`
        # is the previous link of a chain (`_m_add(_m_add(a, b), c)`), so a long chain is linear.
        a += b
        return a
    check_concat(a, b)
    return a + b


def concat(*pieces: str) -> str:
    """A multi-field f-string (run once, or with many fields), from its rendered pieces: weighed,
    then joined."""
    if sum(map(len, pieces)) >= SMALL >> 2:  # at most 4 bytes a character: smaller is never checked
        reserve(sum(map(payload_size, pieces)), 'concatenating')
    return ''.join(pieces)


def iadd(a: Any, b: Any) -> Any:
    """`a += b`, pre-checked like `add`."""
    check_concat(a, b)
    a += b
    return a


def checked_round(number: Any = NOARG, ndigits: Any = None, *more: Any) -> Any:
    """The sandbox's `round`."""
    if number is NOARG or more:
        raise at_most('round', 2 + len(more), 2) if more else missing('round', 'number', 1)
    if ndigits is not None:
        check_round(number, ndigits)
        return round(number, ndigits)
    return round(number)


checked_round.__name__ = checked_round.__qualname__ = 'round'
checked_round.__module__ = 'builtins'


_NUMBERS = frozenset({int, float, bool})
_SEQ_TYPES = frozenset(SEQUENCES)


def mul(a: Any, b: Any) -> Any:
    """`_m_mul`: `a * b`, a product of two big ints bounded, a sequence repeat weighed (its count
    read once)."""
    ta = _type(a)
    tb = _type(b)
    if ta is int and tb is int:
        if (a >= BIG_INT or a <= -BIG_INT) and (
            b >= BIG_INT or b <= -BIG_INT
        ):  # inline: the common case is small
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
    """`_m_imul`: `a *= b`, pre-checked like `mul` (a sequence repeated in place when it is on the left)."""
    ta = _type(a)
    tb = _type(b)
    if ta in _NUMBERS and tb in _NUMBERS:
        if ta is int and tb is int:
            check_int_product(a, b)
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
    reserve(repeat_size(seq, times), 'repeating a sequence')
    if inplace:
        seq *= times
        return seq
    return seq * times if seq_first else times * seq


def power(a: Any, b: Any) -> Any:
    """`_m_pow`: `a ** b`, an integer power's bits bounded and its memory weighed (floats run as they are)."""
    if _type(a) is not float and _type(b) is not float:
        check_pow(a, b)
    return a**b


def ipower(a: Any, b: Any) -> Any:
    """`_m_ipow`: `a **= b`, pre-checked like `power`."""
    if _type(a) is not float and _type(b) is not float:
        check_pow(a, b)
    a **= b
    return a


def lshift(a: Any, b: Any) -> Any:
    """`_m_lshift`: `a << b`, the result's bits bounded and its memory weighed."""
    check_lshift(a, b)
    return a << b


def ilshift(a: Any, b: Any) -> Any:
    """`_m_ilshift`: `a <<= b`, pre-checked like `lshift`."""
    check_lshift(a, b)
    a <<= b
    return a


def mod(a: Any, b: Any) -> Any:
    """`_m_mod`: `a % b`, an int's long division bounded, a `%`-format's widths and arguments weighed."""
    ta = _type(a)
    if ta is int:
        check_division(a, b)
    elif ta is not float:
        check_mod(a, b)
    return a % b


def imod(a: Any, b: Any) -> Any:
    """`_m_imod`: `a %= b`, pre-checked like `mod`."""
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
    """`_m_ifloordiv`: `a //= b`, pre-checked like `floordiv`."""
    check_division(a, b)
    a //= b
    return a


def checked_divmod(*args: Any) -> Any:
    """The sandbox's `divmod`."""
    if len(args) != 2:
        raise expected('divmod', len(args), 2, 2)
    a, b = args
    check_division(a, b)
    return divmod(a, b)


checked_divmod.__name__ = checked_divmod.__qualname__ = 'divmod'
checked_divmod.__module__ = 'builtins'


def checked_pow(base: Any = NOARG, exp: Any = NOARG, mod: Any = None) -> Any:
    """The sandbox's `pow`."""
    if base is NOARG or exp is NOARG:
        raise missing('pow', 'base', 1) if base is NOARG else missing('pow', 'exp', 2)
    check_pow(base, exp, mod)
    return pow(base, exp, mod)


def checked_format(value: Any, spec: Any = '') -> str:
    """The sandbox's `format` (and f-string fields with computed specs)."""
    check_format_spec(spec)
    return format(value, spec)
