print(format(42), format(42, 'd'), format(42, '>5'), format(42, '<5') + '|')
print(format(3.5, '.3f'), format(3.5, 'e'), format(0.000123, 'g'), format(1e100, 'g'))
print(format('txt', '^9'), format('txt', '.2'), format('txt', 's'))
print(format(-7, '08d'), format(7, '=+6d'), format(-3.5, '=10.2f'))
print(format(1234567.891, ',.3f'), format(1234567, '_x'), format(255, '#06x'))
print(format(True), format(True, 'd'), format(None), format([1, 2]))
print(format(12.0), format(1e16), format(1.5, '%'))
print(format(2 ** 64, ','), format(-0.0), format(float('inf'), '.2f'), format(float('nan'), 'f'))
print(format(5 + 60, 'c'), format(0.1, '.20f'))
print(repr(format(3.14159, '')), format(100, 'b'), format(100, 'o'))
vals = [format(x, '>6.1f') for x in (1, 22.25, 333.333)]
print(vals)
try:
    format('abc', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    format(1.5, 'd')
except ValueError as e:
    print('ValueError:', e)
vals
