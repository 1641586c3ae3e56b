z = complex(3, 4)
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w, z ** 2, -z, +w)
print(z.real, z.imag, z.conjugate(), abs(z), abs(w) ** 2)
print(complex('1+2j'), complex('-3.5j'), complex(2), complex(), complex(1.5, -0.5), 1j * 1j)
print(z == 3 + 4j, z != w, (1 + 0j) == 1, 2j == complex(0, 2))
print(repr(z), str(w), f'{z}', repr(complex(0, 0)), repr(-0j), repr(complex(1, 0)))
print(format(z, '.2f'), f'{w:>12}', f'{z:.1e}')
print(type(z.real).__name__, type(z).__name__, isinstance(z, complex), bool(0j), bool(1j))
try:
    z < w
except TypeError as e:
    print('TypeError:', e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
roots = [(-1 + (1 - 4 * 1 * 1 + 0j) ** 0.5) / 2]
print(round(roots[0].real, 6), round(roots[0].imag, 6))
[z.real, z.imag, abs(z)]
