"""The benchmark programs: plain Python source, sized by the input `N`.

Every run-time program is a module body plus a result expression. `bench.py` turns each one into two
sources: module level (the body, then the result expression as the last statement) and wrapped in a
function (`def main(N): <body>; return <result>`, then `main(N)`).

The programs are written so that as many peers as possible can run them:

- no augmented assignment to attributes or items (`d[k] += 1`, `self.n += 1`): RestrictedPython
  refuses to compile it, so the programs write `d[k] = d.get(k, 0) + 1` and `self.n = self.n + 1`;
- no names starting with `_` (RestrictedPython), no `nonlocal` (RestrictedPython);
- no imports in the original nine; the broader programs import what a model would (`collections`,
  `dataclasses`), only modules that exist in the sandbox;
- no string longer than a few kB (asteval caps strings at 256 KiB);
- every result is an `int` or a `str`, so results can be compared across engines.

Programs print nothing.

`ORIGINAL_PROGRAMS` are the nine programs the figures in docs/performance.md were first measured
with: their sources and sizes stay unchanged so the numbers stay comparable. `BROAD_PROGRAMS` cover
what the nine miss (an object model, text processing, nested data, host calls): workloads where
monty measured much further from CPython than on the nine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Program:
    name: str
    description: str
    body: str
    result: str
    # `N` for a full run (sized for ~10-30 ms under CPython on a 2-core machine) and for `--quick`.
    n: int
    quick_n: int
    # Host functions the program calls: CPython and the in-process peers get them as globals, monty
    # (and pydantic-monty) as `external_functions`.
    externals: Mapping[str, Callable[..., Any]] = field(default_factory=dict)


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

ORIGINAL_PROGRAMS: tuple[Program, ...] = (
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

OBJECTS = Program(
    name='objects',
    description='an order model: dataclasses, properties, methods calling other objects, isinstance dispatch',
    body="""
from dataclasses import dataclass


@dataclass
class Product:
    sku: str
    name: str
    price: float
    category: str


@dataclass
class LineItem:
    product: Product
    quantity: int

    def total(self):
        return self.product.price * self.quantity


class Customer:
    def __init__(self, name, tier):
        self.name = name
        self.tier = tier
        self.orders = []

    @property
    def discount_rate(self):
        if self.tier == 'gold':
            return 0.1
        if self.tier == 'silver':
            return 0.05
        return 0.0

    def add_order(self, order):
        self.orders.append(order)


class Order:
    def __init__(self, number, customer):
        self.number = number
        self.customer = customer
        self.items = []
        customer.add_order(self)

    def add(self, product, quantity):
        self.items.append(LineItem(product, quantity))

    @property
    def subtotal(self):
        return sum(item.total() for item in self.items)

    def total(self):
        return self.subtotal * (1 - self.customer.discount_rate)


class Shipment:
    def __init__(self, order, weight):
        self.order = order
        self.weight = weight

    def cost(self):
        return 5 + self.weight * 0.5


class Refund:
    def __init__(self, order, amount):
        self.order = order
        self.amount = amount


def describe(event):
    if isinstance(event, Shipment):
        return event.order.customer.name, event.cost()
    if isinstance(event, Refund):
        return event.order.customer.name, -event.amount
    if isinstance(event, Order):
        return event.customer.name, event.total()
    return 'unknown', 0


tiers = ['gold', 'silver', 'basic', 'basic']
categories = ['books', 'games', 'tools']
catalog = {}
for i in range(40):
    sku = f'sku{i}'
    catalog[sku] = Product(sku, f'product {i}', 1.5 + i % 9, categories[i % 3])
customers = [Customer(f'customer{i}', tiers[i % 4]) for i in range(25)]
events = []
for n in range(N):
    order = Order(n, customers[n % 25])
    for k in range(1 + n % 3):
        order.add(catalog[f'sku{(n + 7 * k) % 40}'], 1 + k)
    events.append(order)
    if n % 4 == 0:
        events.append(Shipment(order, 1 + n % 10))
    if n % 9 == 0:
        events.append(Refund(order, 3))
balances = {}
for event in events:
    name, amount = describe(event)
    balances[name] = balances.get(name, 0) + amount
by_category = {}
for customer in customers:
    for order in customer.orders:
        for item in order.items:
            category = item.product.category
            by_category[category] = by_category.get(category, 0) + item.quantity
best = max(balances, key=lambda name: balances[name])
""",
    result="""f'{best}:{round(balances[best], 2)}:{by_category["books"]}:{len(events)}'""",
    n=5_000,
    quick_n=200,
)

WORD_COUNT = Program(
    name='word_count',
    description='split, lower, strip punctuation, count in a dict and a Counter, most_common, sort by count',
    body="""
from collections import Counter

vocabulary = ['The', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy', 'dog', 'and', 'a', 'cat',
              'sleeps', 'under', 'warm', 'sun', 'while', 'birds', 'sing', 'in', 'old', 'tree']
marks = ['', '', '', ',', '.', '!', '?', ';', ':', '', '"']
stop_words = {'the', 'a', 'and', 'in', 'over', 'under'}
counts = {}
counter = Counter()
lengths = {}
lines = 0
for start in range(0, N, 50):
    words = []
    for i in range(start, start + 50):
        word = vocabulary[(i * i + i // 7) % 97 % 21]
        if i % 5 == 0:
            word = word.upper()
        words.append(word + marks[i % 11])
    text = ' '.join(words)
    for line in text.split('.'):
        line = line.strip()
        if not line:
            continue
        lines += 1
        tokens = [t.strip('.,;:!?"()').lower() for t in line.split()]
        tokens = [t for t in tokens if t and t not in stop_words]
        for token in tokens:
            counts[token] = counts.get(token, 0) + 1
            size = len(token)
            lengths[size] = lengths.get(size, 0) + 1
        counter.update(tokens)
top = counter.most_common(5)
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
longest = max(counts, key=len)
summary = ', '.join(f'{word}={count}' for word, count in top)
""",
    result="f'{summary}|{ranked[-1][0]}:{ranked[-1][1]}|{longest}|{lines}|{sorted(lengths.items())}'",
    n=20_000,
    quick_n=1_500,
)

NESTED_DATA = Program(
    name='nested_data',
    description='JSON-like users/orders/items walked recursively and with nested comprehensions, .get',
    body="""
statuses = ['paid', 'pending', 'refunded', 'paid', 'paid']
cities = ['Paris', 'Lyon', 'Berlin', 'Madrid', 'Rome', 'Oslo']
data = {'users': [], 'meta': {'source': 'crm', 'version': 3}}
for u in range(N):
    orders = []
    for k in range(u % 4):
        items = [{'sku': f's{(u + j) % 50}', 'qty': 1 + j, 'price': (u * 7 + j * 3) % 40 + 0.5} for j in range(1 + k)]
        orders.append({'id': u * 10 + k, 'status': statuses[(u + k) % 5], 'items': items})
    user = {'id': u, 'name': f'user{u}', 'orders': orders,
            'profile': {'address': {'city': cities[u % 6]}, 'tags': ['new'] if u % 3 == 0 else []}}
    if u % 7 == 0:
        user['profile']['vip'] = True
    data['users'].append(user)


def count_leaves(node):
    if isinstance(node, dict):
        return sum(count_leaves(value) for value in node.values())
    if isinstance(node, list):
        return sum(count_leaves(value) for value in node)
    return 1


def find_key(node, key, found):
    if isinstance(node, dict):
        for k, value in node.items():
            if k == key:
                found.append(value)
            find_key(value, key, found)
    elif isinstance(node, list):
        for value in node:
            find_key(value, key, found)
    return found


revenue_by_city = {}
status_counts = {}
vip_revenue = 0
for user in data['users']:
    city = user.get('profile', {}).get('address', {}).get('city', 'unknown')
    for order in user['orders']:
        status = order.get('status', 'unknown')
        status_counts[status] = status_counts.get(status, 0) + 1
        if status != 'paid':
            continue
        amount = sum(item['qty'] * item['price'] for item in order.get('items', []))
        revenue_by_city[city] = revenue_by_city.get(city, 0) + amount
        if user['profile'].get('vip', False):
            vip_revenue += amount
skus = {item['sku'] for user in data['users'] for order in user['orders'] for item in order['items']}
big_orders = [order['id'] for user in data['users'] for order in user['orders'] if len(order['items']) >= 3]
tagged = [user['name'] for user in data['users'] if user['profile'].get('tags')]
summary = {
    'users': len(data['users']),
    'leaves': count_leaves(data),
    'cities': {city: round(total, 2) for city, total in sorted(revenue_by_city.items())},
    'statuses': status_counts,
    'skus': len(skus),
    'big_orders': len(big_orders),
    'tagged': len(tagged),
    'vip': round(vip_revenue, 2),
    'prices': len(find_key(data, 'price', [])),
}
""",
    result='str(summary)',
    n=1_000,
    quick_n=80,
)


def lookup(key: int) -> dict[str, object]:
    """The host function `host_calls` calls N times: a small record, as a tool would return."""
    return {'id': key, 'price': key % 97 + 0.25, 'stock': key % 13, 'name': f'item{key % 50}'}


HOST_CALLS = Program(
    name='host_calls',
    description='N calls of a host function `lookup(i)` returning a small dict, aggregated',
    body="""
total = 0.0
in_stock = 0
names = {}
for i in range(N):
    record = lookup(i)
    if record['stock'] > 0:
        in_stock += 1
        total += record['price'] * record['stock']
    names[record['name']] = names.get(record['name'], 0) + 1
""",
    result="f'{round(total, 2)}/{in_stock}/{len(names)}'",
    n=40_000,
    quick_n=1_000,
    externals={'lookup': lookup},
)

BROAD_PROGRAMS: tuple[Program, ...] = (OBJECTS, WORD_COUNT, NESTED_DATA, HOST_CALLS)

PROGRAMS: tuple[Program, ...] = ORIGINAL_PROGRAMS + BROAD_PROGRAMS


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


@dataclass(frozen=True)
class Snippet:
    """A first-run latency snippet: `PAGE` is replaced by a fresh number for every run, the last line
    is the result expression, and `externals` are its host functions."""

    name: str
    description: str
    source: str
    externals: Mapping[str, Callable[..., Any]]


AGENT = Snippet('snippet', 'agent snippet', AGENT_SNIPPET, {'fetch': fetch})

# Four more agent-style snippets (20-40 lines), timed as first runs only: the shapes a model writes
# in one `run_code` call. They import from the sandbox's standard library, define functions and
# classes, and call the host function `api`.

TICKETS_SNIPPET = """\
from collections import Counter, defaultdict

tickets = api('tickets', page=PAGE)
by_status = Counter(t['status'] for t in tickets)
by_assignee = defaultdict(list)
for ticket in tickets:
    if ticket['status'] == 'closed':
        continue
    owner = ticket.get('assignee') or 'unassigned'
    by_assignee[owner].append(ticket)
workload = []
for owner, items in by_assignee.items():
    urgent = [t for t in items if t['priority'] >= 3]
    oldest = max(t['age_days'] for t in items)
    workload.append({'owner': owner, 'open': len(items), 'urgent': len(urgent), 'oldest': oldest})
workload.sort(key=lambda w: (-w['urgent'], -w['open'], w['owner']))
lines = []
for w in workload:
    lines.append(f"{w['owner']:<10} {w['open']:>3} open, {w['urgent']} urgent, oldest {w['oldest']}d")
stale = [t['id'] for t in tickets if t['status'] != 'closed' and t['age_days'] > 30]
if stale:
    api('notify', channel='support', text=f'{len(stale)} stale tickets: {stale[:5]}')
summary = {
    'total': len(tickets),
    'status': dict(by_status.most_common()),
    'busiest': workload[0]['owner'] if workload else None,
    'report': '\\n'.join(lines),
    'stale': len(stale),
}
summary"""

LEDGER_SNIPPET = """\
from dataclasses import dataclass

@dataclass
class Invoice:
    number: str
    customer: str
    amount: float
    currency: str
    paid: bool = False

class Ledger:
    def __init__(self, rates):
        self.rates = rates
        self.invoices = []

    def add(self, invoice):
        self.invoices.append(invoice)

    def in_eur(self, invoice):
        return invoice.amount * self.rates.get(invoice.currency, 1.0)

    @property
    def outstanding(self):
        return sum(self.in_eur(i) for i in self.invoices if not i.paid)

    def by_customer(self):
        totals = {}
        for invoice in self.invoices:
            totals[invoice.customer] = totals.get(invoice.customer, 0) + self.in_eur(invoice)
        return totals

ledger = Ledger(api('rates', base='EUR'))
for raw in api('invoices', page=PAGE):
    ledger.add(Invoice(raw['number'], raw['customer'], raw['amount'], raw['currency'], raw['paid']))
top = sorted(ledger.by_customer().items(), key=lambda kv: kv[1], reverse=True)[:3]
overdue = [i.number for i in ledger.invoices if not i.paid and ledger.in_eur(i) > 500]
result = {'outstanding': round(ledger.outstanding, 2), 'top': [(c, round(t, 2)) for c, t in top]}
result['overdue'] = overdue
result"""

TEXT_SNIPPET = """\
import re
from collections import Counter

docs = api('documents', query='release notes', page=PAGE)
word_re = re.compile(r"[a-z][a-z'-]+")
version_re = re.compile(r'\\bv?(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\b')
counts = Counter()
versions = set()
mentions = {}
for doc in docs:
    text = doc['body'].lower()
    words = word_re.findall(text)
    counts.update(w for w in words if len(w) > 3)
    for major, minor, patch in version_re.findall(text):
        versions.add((int(major), int(minor), int(patch or 0)))
    for name in ('python', 'rust', 'wasm'):
        if name in text:
            mentions.setdefault(name, []).append(doc['title'])
latest = max(versions) if versions else None
keywords = [word for word, count in counts.most_common(8)]
titles = sorted((len(d['title'].split()), d['title']) for d in docs)
result = {
    'documents': len(docs),
    'latest': '.'.join(str(p) for p in latest) if latest else 'none',
    'keywords': keywords,
    'mentions': {k: len(v) for k, v in sorted(mentions.items())},
    'shortest_title': titles[0][1],
}
result"""

CONFIG_SNIPPET = """\
import json
import math

def walk(node, path, out):
    if isinstance(node, dict):
        for key, value in node.items():
            walk(value, f'{path}.{key}' if path else key, out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            walk(value, f'{path}[{index}]', out)
    else:
        out[path] = node
    return out

config = None
errors = []
for _ in range(3):
    try:
        config = json.loads(api('config', service='billing', page=PAGE))
        break
    except ValueError as exc:
        errors.append(str(exc))
flat = walk(config or {}, '', {})
limits = {k: v for k, v in flat.items() if k.startswith('limits.')}
numeric = [v for v in flat.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
replicas = config.get('deploy', {}).get('replicas', 1)
per_replica = math.ceil(limits.get('limits.requests_per_minute', 0) / max(replicas, 1))
missing = [key for key in ('name', 'owner', 'deploy', 'alerts') if key not in config]
report = {'keys': len(flat), 'limits': limits, 'numeric_total': round(sum(numeric), 2)}
report.update(per_replica=per_replica, missing=missing, errors=len(errors))
json.dumps(report, sort_keys=True)"""

TICKETS: list[dict[str, object]] = [
    {
        'id': 100 + i,
        'status': ('open', 'closed', 'pending', 'open')[i % 4],
        'assignee': ('ana', 'bo', None, 'chen', 'dee')[i % 5],
        'priority': i % 5,
        'age_days': (i * 11) % 45,
    }
    for i in range(16)
]
INVOICES: list[dict[str, object]] = [
    {
        'number': f'INV-{2000 + i}',
        'customer': ('acme', 'globex', 'initech', 'umbrella')[i % 4],
        'amount': round(120.5 + (i * 137) % 900, 2),
        'currency': ('EUR', 'USD', 'GBP')[i % 3],
        'paid': i % 3 == 0,
    }
    for i in range(10)
]
RATES = {'EUR': 1.0, 'USD': 0.92, 'GBP': 1.17}
DOCUMENTS: list[dict[str, str]] = [
    {
        'title': 'Release 2.4 notes',
        'body': 'Version 2.4.1 adds a Python SDK, faster startup and a WASM build. '
        'Upgrade from v2.3 with the migration guide; the Rust core is unchanged.',
    },
    {
        'title': 'Security advisory',
        'body': 'Versions before 2.3.7 mishandle redirects. Upgrade to 2.4.1; the Python client '
        "is not affected, the server is. Details in the advisory's appendix.",
    },
    {
        'title': 'Roadmap for the next quarter',
        'body': 'Planned: streaming responses, a Rust rewrite of the parser, better Python typing, '
        'and version 3.0 with a cleaner configuration format. Feedback welcome.',
    },
]
CONFIG_JSON = (
    '{"name": "billing", "deploy": {"replicas": 3, "region": "eu-west", "canary": false}, '
    '"limits": {"requests_per_minute": 1200, "burst": 50, "timeout_s": 2.5}, '
    '"features": ["invoices", "refunds", {"beta": ["tax", "fx"]}], "owner": "payments"}'
)


def api(endpoint: str, **params: object) -> object:
    """The host function the four first-run snippets call."""
    if endpoint == 'tickets':
        return TICKETS
    if endpoint == 'invoices':
        return INVOICES
    if endpoint == 'rates':
        return RATES
    if endpoint == 'documents':
        return DOCUMENTS
    if endpoint == 'config':
        return CONFIG_JSON
    if endpoint == 'notify':
        return {'ok': True}
    raise KeyError(endpoint)


FIRST_RUN_SNIPPETS: tuple[Snippet, ...] = (
    Snippet('tickets', 'tickets: Counter, defaultdict, sort, f-string report', TICKETS_SNIPPET, {'api': api}),
    Snippet('ledger', 'ledger: @dataclass, class with methods, property', LEDGER_SNIPPET, {'api': api}),
    Snippet('text', 'text: re.findall, Counter.most_common, sets', TEXT_SNIPPET, {'api': api}),
    Snippet('config', 'config: json, recursive walk, retry loop with `_`', CONFIG_SNIPPET, {'api': api}),
)
