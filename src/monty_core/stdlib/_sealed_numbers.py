"""The sealed number classes of the sandbox's `decimal` and `fractions` (one module: each converts the
other's results).

Both are CPython's implementations behind sealed subclasses that keep every value the sandbox sees
within bounds (results of arithmetic are converted back to the sandbox classes):

- `Decimal`: exponents are limited to about ±1.1 million (`ValueError` beyond), contexts to
  `prec <= 100000` and `|Emin|, Emax <= 1000000`, and integer conversions go through
  `as_integer_ratio` (CPython's own conversion is quadratic). The current context is per run (each
  run has its own context variables), so `getcontext().prec = 50` never leaks into the host or other
  runs. `DefaultContext`/`BasicContext`/`ExtendedContext` are per-run copies.
- `Fraction`: `**` and string exponents (`Fraction('1e999999999')`) check the size of the integers
  they would build (`MemoryError` past 2M bits, `runtime/bigints.MAX_INT_BITS`).

Instances cannot have attributes set from sandbox code. `decimal.Decimal` subclasses defined in the
sandbox are not supported (the classes are host classes).
"""

from __future__ import annotations

import decimal as _dec
import fractions as _fr
from typing import Any, cast

from ..runtime.allowlists import SELF_GUARDED
from ..runtime.bigints import check_gcd, check_int_conversion, check_int_work, check_modpow
from ..runtime.classes import replace_class
from ._support import allow_public, check_int_bits

MAX_EXPONENT = 1_100_000
MAX_PREC = 100_000
MAX_EMAX = 1_000_000


def _read_only(self: Any, name: str, value: Any) -> None:
    raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")


def _no_delete(self: Any, name: str) -> None:
    raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")


# -- decimal --------------------------------------------------------------------------------------
class Decimal(_dec.Decimal):
    """Decimal(value='0', context=None): a decimal floating-point number (CPython's, bounded)."""

    __slots__ = ()

    def __new__(cls, value: Any = '0', context: Any = None) -> Decimal:
        if type(value) is not str:
            _check_converted(value, 'Decimal()')
        d = _dec.Decimal.__new__(cls, value, context)
        if d.is_finite() and not -MAX_EXPONENT <= d.adjusted() <= MAX_EXPONENT:
            raise ValueError(f'Decimal exponent out of the range the sandbox supports (±{MAX_EXPONENT})')
        return d

    __setattr__ = _read_only
    __delattr__ = _no_delete

    def __int__(self) -> int:
        if not self.is_finite():
            return _dec.Decimal.__int__(self)
        n, d = _integer_ratio(self)
        q = abs(n) // d
        return q if n >= 0 else -q

    __trunc__ = __int__

    def __floor__(self) -> int:
        if not self.is_finite():
            return _dec.Decimal.__floor__(self)
        n, d = _integer_ratio(self)
        return n // d

    def __ceil__(self) -> int:
        if not self.is_finite():
            return _dec.Decimal.__ceil__(self)
        n, d = _integer_ratio(self)
        return -(-n // d)

    def __round__(self, n: Any = None) -> Any:
        if n is not None:
            return _to_sandbox(_dec.Decimal.__round__(self, n))
        if not self.is_finite():
            return _dec.Decimal.__round__(self)
        value = _dec.Decimal.to_integral_value(self, rounding=_dec.ROUND_HALF_EVEN)
        return _integer_ratio(value)[0]

    def __repr__(self) -> str:
        return f"Decimal('{self}')"

    def as_integer_ratio(self) -> tuple[int, int]:
        return _integer_ratio(self)

    @classmethod
    def from_float(cls, f: Any) -> Decimal:
        return cls(_dec.Decimal.from_float(f))

    # Comparing with an int converts the int to a decimal (quadratic): checked like `Decimal(n)`.
    def __eq__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__eq__(self, other)

    def __ne__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__ne__(self, other)

    def __lt__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__lt__(self, other)

    def __le__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__le__(self, other)

    def __gt__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__gt__(self, other)

    def __ge__(self, other: Any) -> bool:
        _check_converted(other, 'comparing a Decimal with an integer')
        return _dec.Decimal.__ge__(self, other)

    __hash__ = _dec.Decimal.__hash__


def _integer_ratio(d: Any) -> tuple[int, int]:
    """`as_integer_ratio`, whose conversion of the digits to an int is quadratic in their number (a
    100000-digit decimal: 0.3 s): checked like `Decimal(n)` the other way."""
    if d.is_finite():
        exponent = d.as_tuple().exponent
        digits = d.adjusted() - exponent + 1
        bits = (digits + abs(exponent)) * 10 // 3
        check_int_bits(bits, 'converting a Decimal to an integer')
        check_int_work(bits * bits, 'converting a Decimal to an integer', bits)
    return _dec.Decimal.as_integer_ratio(d)


def _to_sandbox(value: Any) -> Any:
    t = type(value)
    if t is _dec.Decimal:
        return Decimal(value)
    if t is _fr.Fraction:
        return _fraction(value)
    if t is tuple:
        return tuple(_to_sandbox(v) for v in value)
    return value


# libmpdec's `ln`, `log10`, `exp` and non-integral powers cost about prec^2.5 in one C call that holds
# the GIL (neither the meter nor its watchdog can stop it): at prec 10000 `log10` takes 6 s, at 20000
# 23 s, at the 100000 the sandbox allows tens of minutes. They are refused above MAX_SLOW_PREC (about
# 0.25 s here); the rest of the arithmetic is fast at any allowed precision.
MAX_SLOW_PREC = 2500
# `sqrt` costs about prec^2 (0.14 s at 30000 digits, 0.7 s at 100000).
MAX_SQRT_PREC = 25_000
_SLOW = frozenset({'ln', 'log10', 'exp', '__pow__', '__rpow__', 'power', 'sqrt'})


def _check_slow(name: str, self: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if isinstance(self, _dec.Context):
        context: Any = self
    else:
        context = kwargs.get('context', args[0] if args and name in ('ln', 'log10', 'exp', 'sqrt') else None)
    if not isinstance(context, _dec.Context):
        context = _dec.getcontext()
    if name == '__pow__':
        exponent, modulo = (*args, None, None)[:2]
    elif name == '__rpow__':
        exponent, modulo = self, None
    elif name == 'power':
        exponent = args[1] if len(args) > 1 else kwargs.get('b')
        modulo = args[2] if len(args) > 2 else kwargs.get('modulo')
    else:
        exponent = modulo = None
    if name == 'sqrt':
        if context.prec > MAX_SQRT_PREC:
            raise ValueError(
                f'Decimal.sqrt is limited to a precision of {MAX_SQRT_PREC} digits in the sandbox (the context '
                f'has {context.prec}): it would hold the interpreter for seconds'
            )
        return
    if modulo is not None:
        # Integral operands, modulus below 10**prec: the cost of CPython's integer pow(a, b, m).
        check_modpow(_digits_bits(exponent), _digits_bits(modulo), 'pow() of decimals with a modulus')
        return
    if context.prec <= MAX_SLOW_PREC:
        return
    if exponent is not None and _small_integral(exponent):
        return  # repeated squaring at the context's precision: fast
    raise ValueError(
        f'Decimal.{name.strip("_")} is limited to a precision of {MAX_SLOW_PREC} digits in the sandbox '
        f'(the context has {context.prec}): it would hold the interpreter for minutes'
    )


def _digits_bits(x: Any) -> int:
    if isinstance(x, int):
        return abs(x).bit_length()
    if isinstance(x, _dec.Decimal) and x.is_finite():
        return (max(x.adjusted(), 0) + 1) * 10 // 3
    return 0


def _small_integral(x: Any) -> bool:
    if isinstance(x, int):
        return abs(x) < 1 << 62
    return isinstance(x, _dec.Decimal) and x.is_finite() and x.adjusted() < 18 and x == x.to_integral_value()


def _converting(base: Any, name: str) -> Any:
    if name in _SLOW:

        def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
            _check_slow(name, self, args, kwargs)
            _check_operands(self, args)
            return _to_sandbox(_refuse_operand(name, self, args, base(self, *args, **kwargs)))

        slow.__name__ = slow.__qualname__ = name
        return slow

    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if args and type(args[0]) is not Decimal:  # Decimal op Decimal, the common case, needs none
            _check_operands(self, args)
        return _to_sandbox(_refuse_operand(name, self, args, base(self, *args, **kwargs)))

    method.__name__ = method.__qualname__ = name
    return method


def _check_operands(self: Any, args: tuple[Any, ...]) -> None:
    """Integer operands of decimal arithmetic are converted to decimals (quadratic), and fraction
    arithmetic multiplies, divides and takes gcds of numerators and denominators: both checked.
    (Exact type tests first: these run at every operation, and `Fraction` is an ABC.)"""
    t = type(self)
    if t is Fraction or (t is not Decimal and t is not Context and isinstance(self, _fr.Fraction)):
        _check_fraction_work(self, args[0] if args else None)
        return
    for arg in args:
        if isinstance(arg, int) and arg.bit_length() > _BIG_CONVERSION:
            check_int_conversion(arg, 'Decimal arithmetic with an integer')


_BIG_CONVERSION = 100_000  # bits: below, converting an int to a decimal is fast (check_int_conversion)


def _check_converted(value: Any, what: str) -> None:
    if isinstance(value, int) and value.bit_length() > _BIG_CONVERSION:
        check_int_conversion(value, what)


_OPERATOR_SIGNS = {
    '__add__': '+',
    '__sub__': '-',
    '__mul__': '*',
    '__truediv__': '/',
    '__floordiv__': '//',
    '__mod__': '%',
    '__divmod__': 'divmod()',
    '__pow__': '** or pow()',
}
# Operand types that refuse a Decimal both ways: when Decimal's method says NotImplemented, no other
# method can still succeed (sequences accept `*` as repetition, with their own error).
_NO_DECIMAL_OPS = (float, complex, type(None), _fr.Fraction, dict, set, frozenset)
_SEQUENCES = (str, bytes, bytearray, list, tuple)


def _refuse_operand(name: str, self: Any, args: tuple[Any, ...], result: Any) -> Any:
    """`result`, or CPython's TypeError for an unsupported operand of a Decimal operator: CPython names
    the type 'decimal.Decimal', the interpreter would name this subclass 'Decimal'."""
    if result is not NotImplemented or len(args) != 1 or not isinstance(self, _dec.Decimal):
        return result
    reflected = name.startswith('__r')
    sign = _OPERATOR_SIGNS.get(name.replace('__r', '__', 1) if reflected else name)
    other = args[0]
    if sign is None or not (
        isinstance(other, _NO_DECIMAL_OPS) or (isinstance(other, _SEQUENCES) and sign != '*')
    ):
        return result
    left, right = 'decimal.Decimal', type(other).__name__
    if reflected:
        left, right = right, left
    raise TypeError(f"unsupported operand type(s) for {sign}: '{left}' and '{right}'")


_DECIMAL_KEEP = {
    '__new__',
    '__init__',
    '__getattribute__',
    '__setattr__',
    '__delattr__',
    '__class__',
    '__dir__',
    '__init_subclass__',
    '__subclasshook__',
    '__reduce__',
    '__reduce_ex__',
    '__getstate__',
    '__sizeof__',
    '__hash__',
    '__eq__',
    '__ne__',
    '__lt__',
    '__le__',
    '__gt__',
    '__ge__',
    '__bool__',
    '__float__',
    '__complex__',
    '__str__',
    '__repr__',
    '__format__',
    '__int__',
    '__trunc__',
    '__floor__',
    '__ceil__',
    '__round__',
    'from_float',
    'real',
    'imag',
    '__doc__',
    '__module__',
    '__slots__',
}
for _name in dir(_dec.Decimal):
    if _name in _DECIMAL_KEEP or _name in Decimal.__dict__:
        continue
    _attr = getattr(_dec.Decimal, _name)
    if callable(_attr):
        setattr(Decimal, _name, _converting(_attr, _name))
Decimal.__module__ = 'decimal'
replace_class(_dec.Decimal, Decimal)


def _check_context_value(name: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        return
    if name == 'prec' and value > MAX_PREC:
        raise ValueError(f'prec is limited to {MAX_PREC} in the sandbox')
    if name == 'Emax' and value > MAX_EMAX:
        raise ValueError(f'Emax is limited to {MAX_EMAX} in the sandbox')
    if name == 'Emin' and value < -MAX_EMAX:
        raise ValueError(f'Emin is limited to -{MAX_EMAX} in the sandbox')


class Context(_dec.Context):
    """Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None, clamp=None, flags=None,
    traps=None): arithmetic settings (CPython's, bounded)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')
        for name, value in (*zip(names, args, strict=False), *kwargs.items()):
            _check_context_value(name, value)
        super().__init__(*args, **kwargs)

    def __setattr__(self, name: str, value: Any) -> None:
        _check_context_value(name, value)
        _dec.Context.__setattr__(self, name, value)

    def copy(self) -> Context:
        return copy_context(self)

    __copy__ = copy


for _name in dir(_dec.Context):
    if _name.startswith('_') or _name in ('copy', 'clear_flags', 'clear_traps', 'Etiny', 'Etop', 'radix'):
        continue
    _attr = getattr(_dec.Context, _name)
    if callable(_attr) and not isinstance(_attr, int):
        setattr(Context, _name, _converting(_attr, _name))
Context.__module__ = 'decimal'
replace_class(_dec.Context, Context)
SELF_GUARDED.add(Context)


def copy_context(c: Any) -> Context:
    return Context(
        prec=c.prec,
        rounding=c.rounding,
        Emin=c.Emin,
        Emax=c.Emax,
        capitals=c.capitals,
        clamp=c.clamp,
        flags=[s for s, v in c.flags.items() if v],
        traps=[s for s, v in c.traps.items() if v],
    )


# -- fractions ------------------------------------------------------------------------------------
def _int_bits(x: Any) -> int:
    return x.bit_length() if isinstance(x, int) else 0


class Fraction(_fr.Fraction):
    """Fraction(numerator=0, denominator=None): a rational number (CPython's, bounded)."""

    __slots__ = ()

    def __new__(cls, numerator: Any = 0, denominator: Any = None) -> Fraction:
        if isinstance(numerator, str):
            m = getattr(_fr, '_RATIONAL_FORMAT').match(numerator)  # noqa: B009
            if m is not None and m.group('exp'):
                check_int_bits(abs(int(m.group('exp'))) * 4, 'Fraction()')
        check_gcd((numerator, denominator), 'Fraction()')
        base = cast(Any, _fr.Fraction)(numerator, denominator)
        obj = object.__new__(cls)
        object.__setattr__(obj, '_numerator', base.numerator)
        object.__setattr__(obj, '_denominator', base.denominator)
        return obj

    __setattr__ = _read_only
    __delattr__ = _no_delete

    def __pow__(self, other: Any, modulo: Any = None) -> Any:
        if isinstance(other, _fr.Fraction) and other.denominator == 1:
            other = other.numerator
        if isinstance(other, int):
            bits = max(_int_bits(self.numerator), _int_bits(self.denominator))
            if bits > 1:
                check_int_bits(bits * abs(other), 'Fraction power')
        return _to_sandbox(_fr.Fraction.__pow__(self, other))

    def __rpow__(self, other: Any) -> Any:
        if self.denominator == 1 and isinstance(other, (int, _fr.Fraction)):
            base_bits = max(
                _int_bits(getattr(other, 'numerator', 0)), _int_bits(getattr(other, 'denominator', 0))
            )
            if base_bits > 1:
                check_int_bits(base_bits * abs(self.numerator), 'Fraction power')
        if isinstance(other, (int, _fr.Fraction)) and not (self.denominator == 1 and self.numerator >= 0):
            # CPython computes `Fraction(other) ** self` here; with its base class on the left and
            # this subclass on the right, that would call this `__rpow__` again, without end.
            return _fraction(_fr.Fraction(other.numerator, other.denominator)).__pow__(self)
        return _to_sandbox(_fr.Fraction.__rpow__(self, other))

    def __repr__(self) -> str:
        return f'Fraction({self.numerator}, {self.denominator})'


def _parts(x: Any) -> tuple[int, int]:
    t = type(x)
    if t is Fraction or t is _fr.Fraction:
        return x._numerator.bit_length(), x._denominator.bit_length()
    if t is int:
        return x.bit_length(), 1
    if isinstance(x, _fr.Fraction):
        return _int_bits(x.numerator), _int_bits(x.denominator)
    return _int_bits(x), 1


def _check_fraction_work(a: Any, b: Any) -> None:
    """Fraction arithmetic cross-multiplies numerators and denominators, then divides or takes gcds
    of the products: about (bits(na) + bits(db)) x (bits(da) + bits(nb)) steps, and results of up to
    that many bits."""
    na, da = _parts(a)
    nb, db = _parts(b) if b is not None else (1, 1)
    top, bottom = na + db, da + nb
    if top > 4096 and bottom > 4096:
        check_int_bits(max(top, bottom), 'Fraction arithmetic')
        check_int_work(top * bottom, 'Fraction arithmetic', top, bottom)


def _fraction(base: _fr.Fraction) -> Fraction:
    obj = object.__new__(Fraction)
    object.__setattr__(obj, '_numerator', base.numerator)
    object.__setattr__(obj, '_denominator', base.denominator)
    return obj


for _name in (
    '__add__',
    '__radd__',
    '__sub__',
    '__rsub__',
    '__mul__',
    '__rmul__',
    '__truediv__',
    '__rtruediv__',
    '__floordiv__',
    '__rfloordiv__',
    '__mod__',
    '__rmod__',
    '__divmod__',
    '__rdivmod__',
    '__pos__',
    '__neg__',
    '__abs__',
    '__round__',
    'limit_denominator',
    '__copy__',
    '__deepcopy__',
):
    setattr(Fraction, _name, _converting(getattr(_fr.Fraction, _name), _name))
Fraction.__module__ = 'fractions'
replace_class(_fr.Fraction, Fraction)
allow_public(Fraction)
