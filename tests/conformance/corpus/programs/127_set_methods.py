a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([1, 10])))
print(a.issubset(a | b), {3} <= b, {3} < {3}, a.issuperset({1, 2}), a >= {1, 2}, a > a, a.isdisjoint({7}))
s = set()
s.add(3)
s.add(3)
s.update([1, 2], {9})
print(sorted(s), len(s))
s.discard(42)
s.discard(9)
s.remove(1)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print('KeyError:', e)
x = s.pop()
print(x in {2, 3}, len(s))
c = {5, 6, 7}
c.intersection_update({6, 7, 8})
print(sorted(c))
c.difference_update({7})
print(sorted(c))
c.symmetric_difference_update({6, 1})
print(sorted(c))
fs = frozenset([1, 2, 3])
print(sorted(fs | {4}), type(fs | {4}).__name__, type({4} | fs).__name__, fs == {1, 2, 3}, {fs: 'key'}[frozenset({3, 2, 1})])
try:
    fs.add(4)
except AttributeError as e:
    print('AttributeError:', e)
try:
    set().pop()
except KeyError as e:
    print('KeyError:', e)
print(set('aab') == {'a', 'b'}, len(set([1, 1.0, True])), sorted({'b', 'a', 'c'}), {1, 2}.copy())
words = 'the cat and the hat and the bat'.split()
print(sorted(set(words)), len(words) - len(set(words)))
sorted(a ^ b)
