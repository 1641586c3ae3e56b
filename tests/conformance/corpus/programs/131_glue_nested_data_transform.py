payload = {
    'user': {'id': 7, 'name': 'Ann', 'tags': ['admin', 'ops'], 'address': {'city': 'Paris', 'zip': None}},
    'orders': [{'id': 'o1', 'items': [{'sku': 'A', 'qty': 2, 'price': 3.5}, {'sku': 'B', 'qty': 1, 'price': 10.0}]},
               {'id': 'o2', 'items': []},
               {'id': 'o3', 'items': [{'sku': 'A', 'qty': 5, 'price': 3.5}]}],
}

def flatten(obj, prefix=''):
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f'{prefix}{k}.'))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.update(flatten(v, f'{prefix}{i}.'))
    else:
        out[prefix[:-1]] = obj
    return out

flat = flatten(payload['user'])
print(flat)
order_totals = {o['id']: sum(i['qty'] * i['price'] for i in o['items']) for o in payload['orders']}
print(order_totals)
sku_qty = {}
for o in payload['orders']:
    for item in o['items']:
        sku_qty[item['sku']] = sku_qty.get(item['sku'], 0) + item['qty']
print(sku_qty)

def get_path(obj, path, default=None):
    for part in path.split('.'):
        try:
            obj = obj[int(part)] if isinstance(obj, list) else obj[part]
        except (KeyError, IndexError, TypeError):
            return default
    return obj

for p in ['user.address.city', 'user.tags.1', 'orders.0.items.1.sku', 'orders.5.id', 'user.address.zip.code', 'user.name']:
    print(p, '=>', get_path(payload, p, 'MISSING'))
non_empty = [o['id'] for o in payload['orders'] if o['items']]
print(non_empty)
order_totals
