import numbers

# Validate tool arguments by their abstract numeric kind.
def describe(x):
    kinds = []
    for name, abc in [('Number', numbers.Number), ('Complex', numbers.Complex), ('Real', numbers.Real),
                      ('Rational', numbers.Rational), ('Integral', numbers.Integral)]:
        if isinstance(x, abc):
            kinds.append(name)
    return kinds

for value in [1, True, 2.5, 3j, '4', None, [1]]:
    print(repr(value), describe(value))


def scale(x, factor):
    if not isinstance(x, numbers.Real) or isinstance(x, bool):
        raise TypeError(f'expected a real number, got {type(x).__name__}')
    return x * factor


print(scale(3, 2), scale(1.5, 2))
try:
    scale('3', 2)
except TypeError as e:
    print('TypeError:', e)
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(bool, numbers.Number))
[describe(v) for v in (0, 0.0)]
