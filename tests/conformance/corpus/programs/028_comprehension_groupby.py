orders = [
    {'id': 1, 'customer': 'ann', 'total': 30.5, 'items': ['pen', 'ink']},
    {'id': 2, 'customer': 'bob', 'total': 12.0, 'items': ['pad']},
    {'id': 3, 'customer': 'ann', 'total': 7.25, 'items': ['pen']},
    {'id': 4, 'customer': 'cy', 'total': 99.99, 'items': ['lamp', 'bulb', 'pen']},
]
customers = sorted({o['customer'] for o in orders})
print(customers)
totals = {c: round(sum(o['total'] for o in orders if o['customer'] == c), 2) for c in customers}
print(totals)
all_items = [i for o in orders for i in o['items']]
item_counts = {i: all_items.count(i) for i in sorted(set(all_items))}
print(item_counts)
big = [o['id'] for o in orders if o['total'] > 20]
print(big)
summary = [f"{o['customer']}:{len(o['items'])}" for o in orders]
print(' '.join(summary))
top = max(totals.items(), key=lambda kv: kv[1])
print(top)
assert top[0] == 'cy'
totals
