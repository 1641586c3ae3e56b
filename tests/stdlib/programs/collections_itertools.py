# ruff: noqa
import collections.abc
import functools
import itertools
import operator
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple

c = Counter('abracadabra')
print(c, c.most_common(2), sorted(c.elements())[:3], c['z'], c + Counter('aa'), c.total())
d = defaultdict(list)
d['a'].append(1)
print(d, dict(d), d.default_factory)
q = deque([1, 2, 3], maxlen=3)
q.append(4)
q.appendleft(0)
q.rotate(1)
print(q, len(q), q.maxlen)
q2 = deque(range(5))
q2.extend(x for x in range(3))
print(q2, q2.popleft(), q2.pop())
P = namedtuple('P', 'x y', defaults=[0])
p = P(1)
print(p, p._asdict(), p._replace(x=5), P._fields, p.x, p[0], p == (1, 0), P._make([3, 4]))
x, y = p
print(x, y, isinstance(p, tuple))
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
try:
    namedtuple('Q', 'a a')
except ValueError as e:
    print(e)
od = OrderedDict(a=1, b=2)
od.move_to_end('a')
print(od, list(od), od.popitem(last=False))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), cm.new_child({'c': 4})['c'])
print(
    isinstance({}, collections.abc.Mapping),
    isinstance([], collections.abc.Sequence),
    isinstance(1, collections.abc.Hashable),
)
print(
    list(itertools.islice(itertools.count(10, 2), 5)),
    list(itertools.permutations('abc', 2))[:3],
    list(itertools.combinations(range(4), 2)),
)
print(
    list(itertools.chain([1], (2, 3))),
    list(itertools.chain.from_iterable([[1], [2]])),
    list(itertools.product('ab', repeat=2)),
)
print(
    [(k, list(g)) for k, g in itertools.groupby('aabbc')],
    list(itertools.accumulate([1, 2, 3])),
    list(itertools.pairwise([1, 2, 3])),
)
print(
    list(itertools.zip_longest('ab', 'c', fillvalue='-')),
    list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])),
    list(itertools.repeat('z', 3)),
)
print(
    list(itertools.islice(itertools.cycle('ab'), 5)),
    list(itertools.starmap(pow, [(2, 3)])),
    list(itertools.combinations_with_replacement('ab', 2)),
)
a, b = itertools.tee([1, 2])
print(
    list(a), list(b), list(itertools.compress('abc', [1, 0, 1])), list(itertools.filterfalse(None, [0, 1, 2]))
)
print(
    functools.reduce(operator.add, range(10)),
    functools.reduce(lambda a, b: a * b, [1, 2, 3], 10),
    operator.attrgetter('x', 'y')(p),
)
print(
    operator.itemgetter(1)([5, 6]),
    operator.methodcaller('upper')('abc'),
    operator.mul(3, 4),
    operator.neg(2),
    sorted([3, 1], key=operator.neg),
)


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def sq(n):
    return n * n


print(sq(4), sq(4), sq.cache_info().hits)


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)

    return inner


@deco
def documented():
    """Doc."""


print(documented.__name__, documented.__doc__)
add3 = functools.partial(operator.add, 3)
print(add3(4), add3.args)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))


class C:
    @functools.cached_property
    def val(self):
        print('computing')
        return 42


o = C()
print(o.val, o.val)


@functools.singledispatch
def show(x):
    return 'any'


@show.register(int)
def _(x):
    return 'int'


print(show(1), show('a'))
