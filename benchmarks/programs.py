"""The benchmark programs: plain Python source, sized by the input `N`.

Every run-time program is a module body plus a result expression. `bench.py` turns each one into two
sources: module level (the body, then the result expression as the last statement) and wrapped in a
function (`def main(N): <body>; return <result>`, then `main(N)`).

The programs are written so that as many peers as possible can run them:

- no augmented assignment to attributes or items (`d[k] += 1`, `self.n += 1`): RestrictedPython
  refuses to compile it, so the programs write `d[k] = d.get(k, 0) + 1` and `self.n = self.n + 1`;
- no names starting with `_` (RestrictedPython), no `nonlocal` (RestrictedPython), no imports;
- no string longer than a few kB (asteval caps strings at 256 KiB);
- every result is an `int` or a `str`, so results can be compared across engines.

Programs print nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Program:
    name: str
    description: str
    body: str
    result: str
    # `N` for a full run (sized for ~10-30 ms under CPython on a 2-core machine) and for `--quick`.
    n: int
    quick_n: int


RECURSION = Program(
    name='recursion',
    description='naive recursive fib(N)',
    body="""
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
""",
    result='fib(N)',
    n=27,
    quick_n=16,
)

NUMERIC = Program(
    name='numeric_loops',
    description='sum of squares mod 7 over range(N) + sieve of Eratosthenes up to N, pure loops',
    body="""
total = 0
for i in range(N):
    total += i * i % 7
sieve = [True] * (N + 1)
sieve[0] = False
sieve[1] = False
p = 2
while p * p <= N:
    if sieve[p]:
        for multiple in range(p * p, N + 1, p):
            sieve[multiple] = False
    p += 1
primes = 0
for flag in sieve:
    if flag:
        primes += 1
""",
    result="f'{total}/{primes}'",
    n=200_000,
    quick_n=10_000,
)

STRINGS = Program(
    name='string_building',
    description='f-strings with format specs, str methods, join and split in batches of 100',
    body="""
total = 0
upper = 0
for start in range(0, N, 100):
    parts = []
    for i in range(start, start + 100):
        name = f'item-{i}'
        parts.append(f'{name}={i * 3:06d}:{name.upper()}')
    line = ','.join(parts)
    for piece in line.split(','):
        key, value = piece.split('=')
        code, label = value.split(':')
        total += len(key) + int(code)
        if label.startswith('ITEM-1'):
            upper += 1
""",
    result="f'{total}/{upper}'",
    n=30_000,
    quick_n=2_000,
)

DICTS = Program(
    name='dict_aggregation',
    description='build N records (dicts), group-by region and product, averages, max by key',
    body="""
regions = ['north', 'south', 'east', 'west', 'central']
records = []
for i in range(N):
    records.append({'id': i, 'region': regions[i % 5], 'product': f'p{i % 13}', 'amount': (i * 37) % 101})
by_region = {}
by_product = {}
for rec in records:
    region = rec['region']
    by_region[region] = by_region.get(region, 0) + rec['amount']
    bucket = by_product.get(rec['product'])
    if bucket is None:
        bucket = []
        by_product[rec['product']] = bucket
    bucket.append(rec['amount'])
averages = {name: sum(values) / len(values) for name, values in by_product.items()}
best = max(averages, key=lambda name: averages[name])
""",
    result="""f'{best}:{by_region["north"]}:{round(averages[best], 3)}'""",
    n=50_000,
    quick_n=2_000,
)

SORTING = Program(
    name='sorting_keys',
    description='N pseudo-random records sorted four ways with lambda keys (incl. tuple keys, reverse)',
    body="""
records = []
seed = 12345
for i in range(N):
    seed = (seed * 1103515245 + 12345) % 2147483648
    records.append({'name': f'user{seed % 1000}', 'age': seed % 90, 'score': (seed // 256) % 1000})
by_age = sorted(records, key=lambda r: r['age'])
by_name = sorted(records, key=lambda r: (r['name'], -r['score']))
top = sorted(records, key=lambda r: r['score'], reverse=True)[:10]
mixed = sorted(records, key=lambda r: r['score'] * 100 + r['age'])
""",
    result="""f'{by_age[0]["age"]}:{by_name[0]["name"]}:{top[0]["score"]}:{mixed[-1]["score"]}'""",
    n=13_000,
    quick_n=1_500,
)

METHODS = Program(
    name='method_calls',
    description='a small class: N iterations of method calls with attribute reads/writes',
    body="""
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.operations = 0

    def deposit(self, amount):
        self.balance = self.balance + amount
        self.operations = self.operations + 1

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance = self.balance - amount
        self.operations = self.operations + 1
        return True

    def score(self):
        return self.balance * 2 + self.operations


accounts = [Account(f'owner{i}', i * 10) for i in range(50)]
failed = 0
for i in range(N):
    account = accounts[i % 50]
    account.deposit(i % 7)
    if not account.withdraw(i % 11):
        failed += 1
total = 0
for account in accounts:
    total += account.score()
""",
    result="f'{total}/{failed}'",
    n=120_000,
    quick_n=3_000,
)

GENERATORS = Program(
    name='generators',
    description='a four-stage generator pipeline over range(N) plus a generator expression',
    body="""
def numbers(limit):
    for i in range(limit):
        yield i


def evens(items):
    for item in items:
        if item % 2 == 0:
            yield item


def squared(items):
    for item in items:
        yield item * item


def chunks(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


total = 0
count = 0
for batch in chunks(squared(evens(numbers(N))), 64):
    total += sum(batch)
    count += 1
remainder = sum(x % 13 for x in range(N))
""",
    result="f'{total}/{count}/{remainder}'",
    n=160_000,
    quick_n=6_000,
)

EXCEPTIONS = Program(
    name='exceptions',
    description='N calls of which about half raise (ValueError / KeyError), caught by typed handlers',
    body="""
def parse(value):
    if value % 3 == 0:
        raise ValueError(f'bad value {value}')
    if value % 5 == 0:
        raise KeyError(f'no key {value}')
    return value * 2


ok = 0
bad = 0
missing = 0
for i in range(N):
    try:
        ok += parse(i)
    except ValueError as exc:
        bad += len(str(exc))
    except KeyError:
        missing += 1
""",
    result="f'{ok}/{bad}/{missing}'",
    n=70_000,
    quick_n=3_000,
)

CLOSURES = Program(
    name='closures_map_filter',
    description='closure factories, composition, map/filter with closures and lambdas over N values',
    body="""
def make_scaler(factor):
    def scale(x):
        return x * factor
    return scale


def make_offset(delta):
    return lambda x: x + delta


def compose(f, g):
    def both(x):
        return g(f(x))
    return both


pipelines = [compose(make_scaler(k), make_offset(k * 10)) for k in range(1, 6)]
values = list(range(N))
total = 0
for pipeline in pipelines:
    mapped = list(map(pipeline, values))
    kept = list(filter(lambda v: v % 3 != 0, mapped))
    total += sum(kept) + len(kept)
""",
    result='total',
    n=25_000,
    quick_n=1_000,
)

PROGRAMS: tuple[Program, ...] = (
    RECURSION,
    NUMERIC,
    STRINGS,
    DICTS,
    SORTING,
    METHODS,
    GENERATORS,
    EXCEPTIONS,
    CLOSURES,
)


# -- latency snippets -------------------------------------------------------------------------------

# A realistic agent snippet: fetch records from the host, filter, aggregate, format a summary.
# `PAGE` is replaced by a fresh number for every "first run", so no cache keyed on the source helps.
AGENT_SNIPPET = """\
users = fetch('users', page=PAGE)
active = [u for u in users if u['active']]
totals = {}
for user in active:
    orders = fetch('orders', user_id=user['id'])
    totals[user['name']] = sum(o['amount'] for o in orders)
ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
lines = []
for name, total in ranked[:3]:
    lines.append(f'{name}: {total:.2f}')
average = sum(totals.values()) / max(len(totals), 1)
summary = {'active': len(active), 'average': round(average, 2)}
summary['top'] = lines
summary['report'] = '; '.join(lines)
summary"""

USERS: list[dict[str, object]] = [
    {'id': 1, 'name': 'ada', 'active': True},
    {'id': 2, 'name': 'brian', 'active': False},
    {'id': 3, 'name': 'grace', 'active': True},
    {'id': 4, 'name': 'linus', 'active': True},
]
ORDERS: dict[int, list[dict[str, object]]] = {
    1: [{'amount': 12.5}, {'amount': 30.0}, {'amount': 7.25}],
    3: [{'amount': 99.0}],
    4: [{'amount': 5.0}, {'amount': 15.5}],
}


def fetch(kind: str, page: int = 0, user_id: int | None = None) -> list[dict[str, object]]:
    """The host function the agent snippet calls (4 calls per run)."""
    if kind == 'users':
        return USERS
    return ORDERS.get(user_id or 0, [])
