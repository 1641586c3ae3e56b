from collections import Counter, defaultdict, deque, OrderedDict, namedtuple, ChainMap
words = 'the quick brown fox jumps over the lazy dog the fox'.split()
c = Counter(words)
print(c.most_common(3), c['the'], c['missing'], len(c), sum(c.values()))
c2 = Counter('abracadabra')
print(c2, sorted(c2.elements())[:6], c2.most_common()[-1])
print(c + Counter(the=1, cat=2), c2 - Counter('aaaaab'), Counter('ab') | Counter('bbc'), Counter('aab') & Counter('abb'))
c3 = Counter(a=3, b=-1)
c3.update({'a': 1, 'c': 2}); c3.subtract(['a', 'c', 'c', 'c'])
print(c3, +c3, -c3, c3.total())
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(groups), groups[99], sorted(groups))
nested = defaultdict(lambda: defaultdict(int))
for i, w in enumerate(words):
    nested[w[0]][w] += i
print({k: dict(v) for k, v in sorted(nested.items())})
dd = defaultdict(set)
dd['x'].add(1); dd['x'].add(1); dd['y']
print(dd, repr(defaultdict(int)), dd.default_factory)
q = deque(maxlen=3)
for i in range(5):
    q.append(i)
print(q, q[0], q[-1], len(q))
q.appendleft(-1); print(q)
q.rotate(1); print(q); q.rotate(-2); print(q)
d = deque('abcde'); d.extendleft('xy'); print(d, d.popleft(), d.pop(), d.index('c'), d.count('a'))
print(list(reversed(d)), 'b' in d, deque([1, 2]) == deque([1, 2]), deque())
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b'); print(list(od), od.popitem(last=False), od)
od.move_to_end('c', last=False); print(od, od == OrderedDict([('c', 3), ('b', 1)]), od == {'b': 1, 'c': 3})
Point = namedtuple('Point', 'x y')
Row = namedtuple('Row', ['id', 'name', 'score'], defaults=[0.0])
p = Point(1, y=2)
print(p, p.x + p.y, p._asdict(), p._replace(x=9), Point._fields, Point._make([5, 6]), tuple(p))
r = Row(1, 'ann')
print(r, r.score, Row._field_defaults, sorted([Row(2, 'b', 1.0), Row(1, 'z', 3.0)], key=lambda r: -r.score))
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), p[1], p.index(2), p.count(1))
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.new_child({'c': 4})['c'], dict(cm))
window = deque(maxlen=3)
avgs = []
for v in [10, 20, 30, 40, 50]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)
lru = OrderedDict()
def touch(k, v=None, cap=2):
    if k in lru:
        lru.move_to_end(k)
    else:
        lru[k] = v
        if len(lru) > cap:
            print('evict', lru.popitem(last=False))
for k in 'abacd':
    touch(k, k.upper())
Counter(w[0] for w in words).most_common(2), list(lru.items())
