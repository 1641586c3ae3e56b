from typing import Any, Optional, Union, Callable

class Inventory:
    items: dict[str, int]
    owner: str
    count: int = 0

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.items = {}

    def add(self, name: str, qty: int = 1) -> 'Inventory':
        self.items[name] = self.items.get(name, 0) + qty
        self.count += qty
        return self

    def find(self, name: str) -> Optional[int]:
        return self.items.get(name)

def apply(fn: Callable[[int], int], values: list[int]) -> list[int]:
    return [fn(v) for v in values]

def describe(x: Union[int, str, None]) -> str:
    if x is None:
        return 'nothing'
    return f'{type(x).__name__}:{x}'

inv = Inventory('ann').add('apple', 3).add('pear')
print(inv.items, inv.count, Inventory.count, inv.find('apple'), inv.find('kiwi'))
print(apply(lambda v: v * 3, [1, 2, 3]))
print([describe(v) for v in (1, 'a', None)])
total: int = sum(inv.items.values())
label: str
print(total)

def untyped(a: 'SomeUndefinedType', b: 'AnotherOne' = 3) -> 'Whatever':
    return a + b

print(untyped(1))
config: dict[str, Any] = {'debug': True}
config
