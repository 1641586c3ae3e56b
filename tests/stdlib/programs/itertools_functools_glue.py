import itertools as it
import functools
import operator
sales = [('east', 'jan', 10), ('east', 'feb', 7), ('west', 'jan', 3), ('east', 'mar', 1), ('west', 'feb', 8), ('north', 'jan', 0)]
keyf = operator.itemgetter(0)
for region, rows in it.groupby(sorted(sales, key=keyf), key=keyf):
    rows = list(rows)
    print(region, len(rows), sum(r[2] for r in rows), [m for _, m, _ in rows])
print([(k, len(list(g))) for k, g in it.groupby('aaabccdaa')])
print(list(it.chain([1, 2], (3,), 'ab')), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.islice(it.count(10, 5), 3)), list(it.islice('abcdefg', 1, None, 2)), list(it.islice(range(100), 95, 200)))
print(list(it.product('ab', [0, 1])), len(list(it.product(range(3), repeat=3))))
print(list(it.combinations('abcd', 2)), list(it.permutations([1, 2, 3], 2))[:4], list(it.combinations_with_replacement('ab', 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.zip_longest('abc', [1], fillvalue='-')), list(it.starmap(pow, [(2, 3), (10, 2)])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(str.isdigit, 'a1b2')))
print(list(it.compress('abcdef', [1, 0, 1, 0, 1])), list(it.repeat('x', 3)), list(it.pairwise('abcd')))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.islice(it.cycle('xy'), 5)))
total = functools.reduce(lambda acc, r: acc + r[2], sales, 0)
print(total, functools.reduce(operator.mul, range(1, 6)), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print('TypeError:', e)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x):
    print('compute', x)
    return x * x
print([sq(i) for i in [1, 2, 1, 3, 1, 2]], sq.cache_info())
@functools.cache
def ways(n, coins=(1, 5, 10)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(50))
def retry(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except ValueError as e:
                    print(f'attempt {attempt} failed: {e}')
            return None
        return wrapper
    return deco
state = {'n': 0}
@retry(3)
def flaky(x):
    """Fails twice."""
    state['n'] += 1
    if state['n'] < 3:
        raise ValueError(f'not yet ({state["n"]})')
    return x * 2
print(flaky(21), flaky.__name__, flaky.__doc__, flaky.__wrapped__.__name__)
base2 = functools.partial(int, base=2)
print(base2('1011'), base2('11', base=3), base2.keywords, base2.args)
join_dash = functools.partial(str.join, '-')
print(join_dash(['a', 'b']))
class Report:
    def __init__(self, rows):
        self.rows = rows
    @functools.cached_property
    def total(self):
        print('computing total')
        return sum(r[2] for r in self.rows)
r = Report(sales)
print(r.total, r.total)
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
vs = [Version(s) for s in ['1.10.0', '1.2.3', '1.2.10', '0.9']]
print(sorted(vs), max(vs), Version('1.0') >= Version('0.9'), Version('1.0') <= Version('0.9'))
print(sorted(['b10', 'a2', 'b9'], key=functools.cmp_to_key(lambda x, y: (x[0] > y[0]) - (x[0] < y[0]) or int(x[1:]) - int(y[1:]))))
@functools.singledispatch
def render(x):
    return f'obj:{x!r}'
@render.register(int)
def _(x):
    return f'int:{x}'
@render.register(list)
def _(x):
    return '[' + ','.join(render(i) for i in x) + ']'
print(render([1, 'a', [2.5]]))
print(list(map(operator.attrgetter('real'), [1, 2.5])), operator.methodcaller('upper')('x'), sorted(sales, key=operator.itemgetter(2, 1))[:2])
list(it.batched(range(7), 3)) if hasattr(it, 'batched') else [tuple(range(7)[i:i + 3]) for i in range(0, 7, 3)]
