t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), len(t), t[1:4], t[::-1])
one = 1
print(t + (4,), t * 2, (0,) * 3, () == tuple(), (1,) == (one), type((one)).__name__, type((one,)).__name__)
print(sorted(t), min(t), max(t), sum(t), 3 in t, list(t))
a, b, *c = t
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), nested == ((1, 2), (3, (4, 5))))
print((1, 2) < (1, 3), (2,) > (1, 9, 9), (1, 2) == [1, 2], tuple(reversed(t)))
d = {(0, 0): 'origin', (1, 0): 'east'}
print(d[(0, 0)], d[1, 0], (1, 0) in d)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    t.index(9)
except ValueError as e:
    print('ValueError:', e)
mutable_inside = ([1], 2)
mutable_inside[0].append(99)
print(mutable_inside)
try:
    hash(mutable_inside)
except TypeError as e:
    print('TypeError:', e)
pairs = [(2, 'b'), (1, 'a')]
print(dict(pairs), sorted(pairs), list(zip(*pairs)))
print(tuple(x * 2 for x in t), tuple('ab'), tuple({'k': 1}))
t
