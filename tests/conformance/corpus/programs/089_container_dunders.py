class Inventory:
    def __init__(self):
        self._items = {}

    def __setitem__(self, key, qty):
        if qty < 0:
            raise ValueError('negative qty')
        self._items[key] = qty

    def __getitem__(self, key):
        return self._items.get(key, 0)

    def __delitem__(self, key):
        del self._items[key]

    def __contains__(self, key):
        return self._items.get(key, 0) > 0

    def __len__(self):
        return sum(1 for v in self._items.values() if v)

    def __iter__(self):
        return iter(sorted(self._items))

    def __repr__(self):
        return f'Inventory({self._items})'

inv = Inventory()
print(bool(inv), len(inv))
inv['apple'] = 3
inv['pear'] = 0
inv['fig'] = 7
print(inv, len(inv), bool(inv))
print('apple' in inv, 'pear' in inv, 'kiwi' in inv, inv['kiwi'])
print(list(inv), [k for k in inv if k in inv])
del inv['apple']
inv['fig'] += 1
print(inv)
try:
    inv['x'] = -1
except ValueError as e:
    print(e)

class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

print(list(Seq(5)), 9 in Seq(4), 10 in Seq(4))
a, b, c = Seq(3)
print(a, b, c)
len(inv)
