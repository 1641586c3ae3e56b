from dataclasses import dataclass, field, asdict

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.qty

a = Item('pen', 1.5)
b = Item('book', 12.0, 2, ['paper'])
print(a)
print(b, b.total())
print(a == Item('pen', 1.5), a == b, a != b)
a.tags.append('cheap')
print(a.tags, Item('x', 0).tags)
print(asdict(b))
items = sorted([a, b, Item('cup', 3.25, 4)], key=lambda i: i.total(), reverse=True)
print([i.name for i in items])
print(sum(i.total() for i in items))
b.qty += 1
print(b, repr(b) == str(b))
asdict(a)
