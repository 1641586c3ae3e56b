raw = """sku,name,qty,unit_price
A100,Widget,12,2.50
B200,Gadget,0,13.99
C300,Doohickey,5,7.25
D400,Thingamajig,130,0.99
E500,Gizmo,,4.00"""
lines = raw.strip().splitlines()
header = lines[0].split(',')
items, problems = [], []
for n, line in enumerate(lines[1:], start=2):
    row = dict(zip(header, line.split(',')))
    try:
        row['qty'] = int(row['qty'])
        row['unit_price'] = float(row['unit_price'])
    except ValueError as e:
        problems.append(f'line {n}: {e}')
        continue
    row['value'] = row['qty'] * row['unit_price']
    items.append(row)
width = max(len(i['name']) for i in items)
print(f"{'SKU':<5} {'NAME':<{width}} {'QTY':>4} {'VALUE':>9}")
for i in sorted(items, key=lambda r: r['value'], reverse=True):
    flag = ' (out)' if i['qty'] == 0 else ''
    print(f"{i['sku']:<5} {i['name']:<{width}} {i['qty']:>4} {i['value']:>9.2f}{flag}")
total = sum(i['value'] for i in items)
print(f"{'TOTAL':<{5 + 1 + width + 1 + 4}} {total:>9.2f}")
print(problems)
low = [i['sku'] for i in items if i['qty'] < 10]
print('reorder:', ', '.join(low) or 'none')
round(total, 2)
