vals = [1, 2.5, 3j, True, 1 + 2j]
for v in vals:
    print(type(v).__name__, v, v * 2, v + 1)
print(1 + 2.0, type(1 + 2.0).__name__, 3 * True, type(3 * True).__name__)
print(7 / 7, type(7 / 7).__name__, 2 ** 0.5 * 2 ** 0.5)
print(isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
c = 3 + 4j
print(c.real, c.imag, abs(c), c.conjugate(), c * c, c / 2)
print(complex(1, -1), complex('2+3j'), (1j) ** 2)
print(1 == 1.0, 1 == 1 + 0j, hash(1) == hash(1.0) == hash(True))
print(int(7.0) == 7.0, float(7) == 7, 0.5 == 1 / 2)
print(round(2.675, 2), round(1234.5678, -2), round(1234, -2), round(15, -1), round(25, -1))
print(max(3, 2.5, True), min([4, 4.0]), sum([1, 2.5, 1j]))
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4))
[c.real, abs(c), round(2.5), round(3.5)]
