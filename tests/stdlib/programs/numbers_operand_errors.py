# Decimal/float mixing (a common money-math slip) and powers with Fraction exponents.
from decimal import Decimal
from fractions import Fraction

print(2 ** Fraction(-2), Fraction(1, 3) ** Fraction(1, 2), 2 ** Fraction(3), 4 ** Fraction(-1, 2))
print(type(2 ** Fraction(-2)).__name__, 2.0 ** Fraction(1, 2), Fraction(2, 3) ** Fraction(-2), 2 ** Fraction(1, 2))
print(Decimal(1) + 2, 3 * Decimal('1.5'), divmod(Decimal(7), 2), pow(Decimal(3), 2, 5))
for call in (
    lambda: Decimal('1.5') * 1.1,
    lambda: 1.1 - Decimal('1.5'),
    lambda: divmod(Decimal(1), 2.0),
    lambda: 2.0 ** Decimal(1),
    lambda: Fraction(1, 2) + Decimal(1),
    lambda: Decimal(1) / Fraction(1, 2),
    lambda: Decimal(1) + None,
    lambda: Decimal(1) + '1',
    lambda: Fraction(1, 2) + None,
):
    try:
        call()
    except TypeError as e:
        print(e)
price = Decimal('19.99')
price * 0.2
