"""Big integers: what one C call on them may build, and how long it may hold the interpreter.

CPython runs integer arithmetic in single C calls that neither the meter nor its watchdog can stop,
and some are quadratic in the operands' length. These checks refuse, before the call, a result
beyond `MAX_INT_BITS` (`MemoryError`) or work beyond `INT_WORK` / `MODPOW_WORK` (`TimeoutError`).
"""

from __future__ import annotations

from operator import index as _index
from typing import Any

# Integers are limited in size: CPython's division is quadratic in their length and runs in one C
# call, which the meter cannot interrupt (`(1 << 8_000_000) // ((1 << 4_000_000) - 1)` holds the GIL
# for 17 s). At 2**21 bits (631,000 decimal digits) the slowest single operation, a division, takes
# about a second. The operations that build big integers cheaply (`**`, `<<`, `*` of two big
# integers, `int.from_bytes`, `math.factorial`/`comb`/`perm`/`prod`) are checked against it.
MAX_INT_BITS = 1 << 21
BIG_INT = (
    1 << 64
)  # integers within ±BIG_INT multiply in linear time: only products of two bigger ones are checked


def check_int_bits(bits: int, what: str) -> None:
    """Refuse an integer result of about `bits` bits beyond `MAX_INT_BITS`."""
    if bits > MAX_INT_BITS:
        raise MemoryError(
            f'{what}: the integer result would be too large for the sandbox (about {bits} bits; '
            f'the limit is {MAX_INT_BITS})'
        )


def check_int_product(a: int, b: int) -> None:
    """Refuse a product of two integers beyond ±BIG_INT whose result would exceed `MAX_INT_BITS`."""
    if (a >= BIG_INT or a <= -BIG_INT) and (b >= BIG_INT or b <= -BIG_INT):
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


def int_bits(x: Any) -> int:
    """The bit length of `abs(x)` for an integer (or an object with `__index__`); 0 for anything else."""
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
