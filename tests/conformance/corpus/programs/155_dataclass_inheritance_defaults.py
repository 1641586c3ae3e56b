from dataclasses import dataclass, field

@dataclass
class Base:
    id: int
    name: str = 'unnamed'

@dataclass
class Child(Base):
    extra: list = field(default_factory=list)
    flag: bool = False

    def describe(self):
        return f'{self.id}:{self.name}:{len(self.extra)}:{self.flag}'

c = Child(1)
d = Child(2, 'two', [1, 2], True)
print(c, d)
print(c.describe(), d.describe(), isinstance(c, Base))

@dataclass
class Counter:
    count: int = 0
    step: int = 1

    def incr(self):
        self.count += self.step
        return self

print(Counter().incr().incr(), Counter(10, -3).incr())

@dataclass(eq=False)
class Ident:
    v: int

print(Ident(1) == Ident(1), Ident(1) != Ident(1))

@dataclass
class WithClassVar:
    items: list = field(default_factory=list)
    counter = 0

w = WithClassVar()
WithClassVar.counter += 1
print(w, WithClassVar.counter)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
d.describe()
