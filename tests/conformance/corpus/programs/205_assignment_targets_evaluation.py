calls = []

def key(k):
    calls.append(k)
    return k

class Box:
    def __init__(self):
        self.items = {'a': 0, 'b': 10}
        self.n = 0
        self.pair = None

def get_box(b):
    calls.append('box')
    return b

box = Box()
get_box(box).items[key('a')] += 5
get_box(box).n += 1
box.items[key('b')] *= 2
print(box.items, box.n, calls)
calls.clear()
data = [1, 2, 3]
data[key(0)], data[key(2)] = data[key(2)], data[key(0)]
print(data, calls)
for box.n in range(3):
    pass
print('for attr target', box.n)
store = {}
for store['k'], store['v'] in [(1, 'x'), (2, 'y')]:
    print('for subscript target', store)

class Pair:
    def __enter__(self):
        return ('left', 'right')

    def __exit__(self, *exc):
        return False

with Pair() as (l, r):
    print('with tuple target', l, r)
with Pair() as box.pair:
    print('with attr target', box.pair)
x = [0, 0, 0]
i = 0
i = x[i] = 2
print(i, x)
box.a = box.b = 'shared'
print(box.a, box.b)
counts = {}
for word in 'to be or not to be'.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
calls
