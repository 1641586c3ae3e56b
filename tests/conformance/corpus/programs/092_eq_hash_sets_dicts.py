class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f'Key({self.a}, {self.b})'

k1, k2, k3 = Key(1, 2), Key(1, 2), Key(2, 1)
print(k1 == k2, k1 is k2, k1 == k3, k1 != k3, k1 == (1, 2))
s = {k1, k2, k3}
print(len(s), k2 in s, Key(2, 1) in s)
d = {k1: 'first'}
d[k2] = 'second'
print(len(d), d[Key(1, 2)], list(d.values()), d)

class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

try:
    {NoHash(1)}
except TypeError as e:
    print('TypeError:', e)

class Ident:
    pass

i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, len({i1, i2, i1}))
print([Key(0, 0), Key(0, 1)].count(Key(0, 0)), [k1, k3].index(Key(2, 1)))
counts = {}
for k in [Key(1, 1), Key(1, 1), Key(2, 2)]:
    counts[k] = counts.get(k, 0) + 1
print(counts)
sorted(counts.values())
