inv = {'apples': 3, 'pears': 0, 'figs': 7}
keys, values, items = inv.keys(), inv.values(), inv.items()
print(keys, values, items)
inv['kiwis'] = 2
print(list(keys), list(values), len(items), ('figs', 7) in items, 'pears' in keys, 7 in values)
other = {'figs': 1, 'plums': 5}
print(sorted(keys & other.keys()), sorted(keys | other), sorted(keys - other.keys()), sorted(keys ^ other.keys()))
print(sorted(items & {('figs', 7), ('x', 1)}), keys == {'apples', 'pears', 'figs', 'kiwis'}, keys <= set(inv) | {'z'})
print(keys.isdisjoint({'z'}), keys.isdisjoint({'figs'}))
print(type(keys).__name__, type(values).__name__, type(items).__name__)
for k, v in items:
    if v == 0:
        print('zero stock:', k)
total = sum(values)
print(total, max(values), sorted(values))
try:
    for k in inv:
        inv[k + '2'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
print(len(inv))
rev = {v: k for k, v in inv.items()}
print(list(rev.items())[:3])
print(list(reversed(inv.keys()))[:2], list(reversed(inv.values()))[:2])
sorted(inv)
