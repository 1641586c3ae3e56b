from dataclasses import dataclass, field

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError('negative size')
        self.area = self.w * self.h

r = Rect(3, 4)
print(r, r.area)
try:
    Rect(-1, 2)
except ValueError as e:
    print('ValueError:', e)

@dataclass
class Inventory:
    owner: str
    items: dict = field(default_factory=dict)
    log: list = field(default_factory=list, repr=False)

    def add(self, name, n=1):
        self.items[name] = self.items.get(name, 0) + n
        self.log.append(('add', name, n))
        return self

inv = Inventory('ann').add('apple').add('pear', 3).add('apple', 2)
print(inv)
print(inv.log)
other = Inventory('bob')
print(other.items is inv.items, other)
try:
    Inventory()
except TypeError as e:
    print('TypeError:', e)
r.area
