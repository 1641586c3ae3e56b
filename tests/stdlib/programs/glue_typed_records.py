from typing import TypedDict, Literal, Any
import json
class Order(TypedDict):
    id: int
    status: Literal['open', 'closed']
    amount: float
orders: list[Order] = [{'id': i, 'status': 'open' if i % 3 else 'closed', 'amount': i * 10.5} for i in range(1, 8)]
open_total = sum(o['amount'] for o in orders if o['status'] == 'open')
print(f'{open_total=}', f'{open_total:,.2f}', f'{len(orders)!r:>5}')
by_status: dict[str, list[int]] = {}
for o in orders:
    by_status.setdefault(o['status'], []).append(o['id'])
print(by_status)
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f'{field}: {msg}')
        self.field = field
def validate(o: dict[str, Any]) -> None:
    if o['amount'] < 0:
        raise ValidationError('amount', 'must be >= 0')
errors = []
for o in [*orders, {'id': 99, 'status': 'open', 'amount': -1}]:
    try:
        validate(o)
    except ValidationError as e:
        errors.append((o['id'], e.field, str(e)))
print(errors)
def chunks(xs, n):
    for i in range(0, len(xs), n):
        yield xs[i:i + n]
print(list(chunks(list(range(10)), 4)))
gen = (x * 2 for x in range(3))
print(next(gen), list(gen))
def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc
c = counter(); c(); c(5)
print(c())
print(json.dumps(orders[:2]), json.loads('{"a": [1, 2.5, null, true]}'))
s = {3, 1, 2}
print(sorted(s), 2 in s, s | {4}, s & {1, 9}, s - {1}, s ^ {1, 5})
print(str(1e20), repr(0.1), 1/3, 10**20 / 3, float('inf'), int(-3.9), round(2.5), round(3.5), round(-0.5))
print('a,b,,c'.split(','), 'a b  c'.split(), '  x '.strip(), 'abc'[::-1], 'x'.join('abc'), 'ab' * 3)
print([i for i in range(20) if i % 3 == 0 if i % 2 == 0], {k: v for k, v in zip('ab', [1, 2])})
a, *rest = [1, 2, 3, 4]; *init, last = 'hello'
print(a, rest, init, last)
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), list(map(str.upper, ['a', 'b'])), list(filter(None, [0, 1, '', 'x'])))
try:
    raise ValueError('bad') from KeyError('k')
except ValueError as e:
    print(repr(e), repr(e.__cause__))
class Stack:
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x); return self
    def __len__(self): return len(self._items)
    def __bool__(self): return bool(self._items)
    def __iter__(self): return iter(reversed(self._items))
    def __contains__(self, x): return x in self._items
st = Stack().push(1).push(2)
print(len(st), bool(st), list(st), 2 in st, 5 in st)
print(isinstance(st, Stack), type(st) is Stack, Stack.__name__, st.__class__.__name__)
