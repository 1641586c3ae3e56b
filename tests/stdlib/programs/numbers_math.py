# ruff: noqa
import cmath
import math
import statistics
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext, localcontext
from fractions import Fraction

print(math.sqrt(2), math.factorial(20), math.comb(10, 3), math.prod([1, 2, 3]), math.pi, cmath.sqrt(-1))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1.0, 2.0, 3.0]))
d = Decimal('1.10') + Decimal('2.20')
print(d, repr(d), type(d).__name__, d.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))
getcontext().prec = 5
print(Decimal(1) / Decimal(3), int(Decimal('12.7')), round(Decimal('2.5')), round(Decimal('2.567'), 2))
with localcontext() as c:
    c.prec = 2
    print(Decimal(1) / Decimal(7))
print(Decimal(1) / Decimal(7))
f = Fraction(1, 3) + Fraction(1, 6)
print(f, repr(f), f**2, Fraction('3.5'), Fraction(1, 3) < 0.5, float(f), type(f * 2).__name__)
try:
    Decimal('abc')
except InvalidOperation as e:
    print('invalid', type(e).__name__)
print(sum([Decimal('0.1')] * 3), divmod(Decimal(7), Decimal(2)), Decimal(2).sqrt())
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.mean([Decimal('1.5'), Decimal('2.5')]))
print(
    math.floor(Decimal('-2.5')), math.ceil(Fraction(7, 2)), abs(Fraction(-1, 2)), Decimal('-0.5').copy_abs()
)
