from dataclasses import dataclass, asdict, field
from functools import total_ordering, partial, cached_property
import itertools, operator
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    @classmethod
    def parse(cls, s: str) -> 'Version':
        return cls(*map(int, s.split('.')))
    def __str__(self): return f'{self.major}.{self.minor}.{self.patch}'
vs = [Version.parse(s) for s in ['1.2.3', '0.9.0', '1.10.0', '1.2.0']]
print(sorted(vs), max(vs), str(min(vs)), asdict(vs[0]))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
@dataclass
class Inventory:
    items: dict[str, int] = field(default_factory=dict)
    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
    @property
    def total(self): return sum(self.items.values())
inv = Inventory(); inv.add('apple', 3); inv.add('pear')
print(inv, inv.total)
print(list(itertools.product('ab', repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:3])
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.zip_longest('ab', 'xyz', fillvalue='-')))
print(sorted([{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}], key=operator.itemgetter('a', 'n')))
double = partial(operator.mul, 2)
print(double(21), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
class Temp:
    def __init__(self, c): self.c = c
    @property
    def f(self): return self.c * 9 / 5 + 32
    @f.setter
    def f(self, v): self.c = (v - 32) * 5 / 9
    @staticmethod
    def unit(): return 'C'
t = Temp(100); t.f = 212
print(t.c, t.f, Temp.unit(), t.unit())
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(Base.registry, issubclass(B, Base))
class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, o): return Money(self.cents + o.cents)
    def __radd__(self, o): return self if o == 0 else self + o
    def __eq__(self, o): return isinstance(o, Money) and o.cents == self.cents
    def __hash__(self): return hash(self.cents)
    def __lt__(self, o): return self.cents < o.cents
    def __repr__(self): return f'${self.cents / 100:.2f}'
print(sum([Money(150), Money(275)]), sorted([Money(5), Money(1)]), len({Money(1), Money(1)}))
