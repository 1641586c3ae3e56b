class Vector:
    def __init__(self, *components):
        self.c = list(components)

    def __repr__(self):
        return f'Vector({", ".join(map(str, self.c))})'

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(*self.c[i])
        return self.c[i]

    def __iter__(self):
        return iter(self.c)

    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self, other, strict=True)))

    def __mul__(self, k):
        return Vector(*(a * k for a in self))

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self, other))

    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c

    def __abs__(self):
        return sum(a * a for a in self) ** 0.5

    def __neg__(self):
        return -1 * self

    def __contains__(self, x):
        return x in self.c

v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v * 2, 3 * w, v @ w, abs(v), -w, len(v))
print(v[0], v[-1], v[0:1], list(v), 4 in v, 5 in v)
print(v == Vector(3, 4), v == [3, 4], v != w)
try:
    v + Vector(1, 2, 3)
except ValueError as e:
    print('ValueError:', e)
x, y = v
print(x, y, max(v), sorted(Vector(3, 1, 2)))
total = Vector(0, 0)
for vec in [v, w, Vector(10, 10)]:
    total = total + vec
print(total)
total.c
