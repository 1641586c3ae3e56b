print(ascii('abc'), ascii('ñ'), ascii(['é', 1]), ascii("'"), ascii('\n'))
print(hash(42) == hash(42), hash('abc') == hash('a' + 'bc'), hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0))
try:
    hash([1])
except TypeError as e:
    print('TypeError:', e)
try:
    hash({'a': 1})
except TypeError as e:
    print('TypeError:', e)
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
print(repr(None), repr(True), repr(3), repr('3'), repr([None]), repr(-1.5e-7))
words = 'the quick brown fox'.split()
print(dict(enumerate(words)), list(map(len, words)))
print(max(map(len, words)), sorted(words, key=len)[-1], min(words))
print(divmod(100, 7), 100 // 7, 100 % 7)
print(sum(x * x for x in range(4)), any(w.startswith('q') for w in words))
print(list(zip(*[iter(range(6))] * 2)))
print(type(map(str, [])).__name__, type(zip()).__name__, type(enumerate([])).__name__, type(filter(None, [])).__name__)
print(bin(10)[2:].zfill(8), int(bin(10), 2), int(hex(300), 16), int(oct(64), 8))
hash('x') == hash('x')
