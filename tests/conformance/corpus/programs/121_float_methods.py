x = 2.5
print(x.is_integer(), (3.0).is_integer(), (-0.0).is_integer(), float('inf').is_integer())
print(x.as_integer_ratio(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio())
print(x.hex(), (1.0).hex(), (0.1).hex(), (-0.5).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'))
print(x.real, x.imag, x.conjugate(), int(7.9), int(-7.9))
print(round(x), round(3.5), round(-x), int(-x), float('1e-3'), 1e-3 == 0.001, float(10 ** 16), float(2 ** 53 + 1))
print(1.7976931348623157e308 * 10, -float('inf'), float('inf') - float('inf') != 0)
print(5e-324 / 2, 5e-324, 1 / 3 * 3, 0.1 * 3, 3 * 0.1 == 0.3)
try:
    float('inf').as_integer_ratio()
except OverflowError as e:
    print('OverflowError:', e)
try:
    float('nan').as_integer_ratio()
except ValueError as e:
    print('ValueError:', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
[x.as_integer_ratio(), (0.5).hex()]
