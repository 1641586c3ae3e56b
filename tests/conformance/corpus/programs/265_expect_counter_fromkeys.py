# expect: NotImplementedError
from collections import Counter

# Counting words; a model then tries Counter.fromkeys, which CPython refuses on purpose.
words = 'the cat and the hat and the bat'.split()
c = Counter(words)
print(c.most_common(2), c['the'], c['dog'])
c.update(['cat', 'cat'])
print(sorted(c.items()))
print((c - Counter(the=3)).most_common(1), sum(c.values()), c.total())
seeded = Counter(dict.fromkeys(['x', 'y'], 0))
print(seeded, +seeded)
Counter.fromkeys(['x', 'y'], 1)
