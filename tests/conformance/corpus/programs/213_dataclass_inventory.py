from dataclasses import dataclass, field, asdict, astuple, replace, fields
from typing import Optional

@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    qty: int = 0
    price: float = 0.0
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = (-self.qty, self.name)

    @property
    def value(self) -> float:
        return self.qty * self.price

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def moved(self, dx: int) -> 'Point':
        return replace(self, x=self.x + dx)

items = [Item('bolt', 100, 0.05), Item('nut', 250, 0.02, ['small']), Item('gear', 3, 12.5), Item('axle', 100, 3.0)]
for it in sorted(items):
    print(it, f'{it.value:.2f}')
print(asdict(items[1]))
print(astuple(Item('x', 1, 2.0)))
print([f.name for f in fields(Item)])
p = Point(1, 2)
q = p.moved(5)
print(p, q, p == Point(1, 2), hash(p) == hash(Point(1, 2)))
try:
    p.x = 10
except Exception as e:
    print(type(e).__name__, e)
print(Item('a') == Item('a'), Item('a') < Item('b'), Item('a', 5) < Item('a', 1))
@dataclass
class Node:
    name: str
    children: list['Node'] = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False, compare=False)
    def add(self, name):
        c = Node(name, parent=self)
        self.children.append(c)
        return c
root = Node('root')
a = root.add('a'); a.add('a1'); root.add('b')
print(root)
print([c.name for c in root.children], a.parent is root, root == Node('root', [Node('a', [Node('a1')]), Node('b')]))
try:
    Item()
except TypeError as e:
    print(e)
{p: 'origin-ish', q: 'moved'}[Point(6, 2)]
