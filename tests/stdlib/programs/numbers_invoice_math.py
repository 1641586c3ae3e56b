from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, getcontext, localcontext, InvalidOperation
from fractions import Fraction
import math
import statistics
lines = [('widget', '19.99', 3), ('gadget', '5.005', 7), ('gizmo', '0.10', 11)]
cents = Decimal('0.01')
subtotal = Decimal(0)
for name, price, qty in lines:
    amount = (Decimal(price) * qty).quantize(cents, rounding=ROUND_HALF_UP)
    subtotal += amount
    print(f'{name:<8}{Decimal(price):>8}{qty:>4}{amount:>10}')
tax = (subtotal * Decimal('0.0825')).quantize(cents, ROUND_HALF_EVEN)
print('subtotal', subtotal, 'tax', tax, 'total', subtotal + tax, repr(subtotal + tax))
print(Decimal('1.1') + Decimal('2.2'), Decimal(0.1), Decimal('10') / Decimal('3'), Decimal('2') ** Decimal('0.5'))
print(Decimal('1.30').normalize(), Decimal('100').normalize(), Decimal('-0'), Decimal('1e3'), Decimal('1E+3') == 1000, Decimal('3.14159').quantize(Decimal('1.00')))
print(Decimal('7').sqrt(), round(Decimal('2.5')), round(Decimal('2.675'), 2), int(Decimal('-3.9')), float(Decimal('1.5')), Decimal(5).as_integer_ratio())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), +Decimal('3.1415926'))
print(getcontext().prec, Decimal('12.345').to_integral_value(), f"{Decimal('1234.5'):,.2f}", f"{Decimal('0.000123'):.2e}", sum([Decimal('0.1')] * 10))
try:
    Decimal('abc')
except InvalidOperation as e:
    print('InvalidOperation', type(e).__name__)
print(sorted([Decimal('1.10'), Decimal('1.1'), Decimal('0.99')]), max(Decimal('2'), 1.5), Decimal('1.10') == Decimal('1.1'), hash(Decimal('1.0')) == hash(1))
f = Fraction(3, 4) + Fraction(1, 6)
print(f, f.numerator, f.denominator, float(f), Fraction('0.125'), Fraction(0.1).limit_denominator(100), Fraction(7, -21), repr(Fraction(1, 3)))
print(Fraction(1, 3) * 3 == 1, Fraction(5, 2) // 1, Fraction(5, 2) % 1, round(Fraction(7, 2)), Fraction(2, 3) ** 2, Fraction(1, 2) < 0.6, sum(Fraction(1, n) for n in range(1, 5)))
data = [2.5, 3.1, 4.7, 4.7, 5.0, 6.2, 9.9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), round(statistics.stdev(data), 6), round(statistics.pstdev(data), 6))
print(statistics.median_high([1, 2, 3, 4]), statistics.median_low([1, 2, 3, 4]), statistics.fmean([1, 2, 3, 4]), statistics.geometric_mean([1, 2, 4]), statistics.harmonic_mean([1, 2, 4]))
print(statistics.quantiles(data, n=4), statistics.variance([1, 2, 3, 4]), statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.mean([Decimal('1.5'), Decimal('2.5')]))
print(statistics.correlation([1, 2, 3], [2, 4, 7]) if hasattr(statistics, 'correlation') else None, statistics.linear_regression([1, 2, 3], [2, 4, 6]) if hasattr(statistics, 'linear_regression') else None)
try:
    statistics.stdev([1])
except statistics.StatisticsError as e:
    print('StatisticsError:', e)
print(math.floor(-0.5), math.ceil(2.0001), math.trunc(-2.7), math.isclose(1e-9, 0, abs_tol=1e-8), math.hypot(3, 4), math.dist((0, 0), (1, 1)), math.copysign(2, -0.0))
print(math.pi, math.e, round(math.tau, 5), math.inf, -math.inf, math.isnan(math.nan), math.isfinite(1e308 * 10), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.comb(10, 3), math.perm(5, 2), math.factorial(20), math.gcd(84, 36, 120), math.lcm(4, 6, 10), math.isqrt(10**20 + 1), math.prod([1.5, 2, 4]))
print(math.log10(1000), math.log2(1024), math.log(math.e ** 2), math.exp(0), round(math.sin(math.pi / 6), 12), math.degrees(math.pi), math.radians(180), math.atan2(1, 1))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, divmod(7.5, 2), pow(2, 10, 1000), pow(3, -1, 7), abs(-3 + 4j), (1 + 2j) * (3 - 1j), 2 ** -1, 10 ** 20, 1e3 == 1000, int('0x1f', 16), int('1_000'), float('  -1.5e-3 '))
print(round(123.456, -1), round(-0.5), round(1234, -2), f'{2**64:,}', (2**100).bit_length(), (255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'), (10).bit_count() if hasattr(int, 'bit_count') else 2)
try:
    math.log(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    int('12.5')
except ValueError as e:
    print('ValueError:', e)
str(subtotal + tax), str(f), statistics.median([5, 1, 3])
