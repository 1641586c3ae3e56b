records = [
    {'id': 1, 'qty': '3', 'price': '2.50'},
    {'id': 2, 'qty': 'x', 'price': '1.00'},
    {'id': 3, 'price': '4.00'},
    {'id': 4, 'qty': '2', 'price': '0'},
    {'id': 5, 'qty': '0', 'price': '9.99'},
]
ok, errors = [], []
for rec in records:
    try:
        qty = int(rec['qty'])
        price = float(rec['price'])
        if price == 0:
            raise ValueError('price must be non-zero')
        per_unit = price / qty
    except KeyError as e:
        errors.append((rec['id'], 'missing', e.args[0]))
    except ValueError as e:
        errors.append((rec['id'], 'value', str(e)))
    except ZeroDivisionError as e:
        errors.append((rec['id'], 'zero', str(e)))
    else:
        ok.append((rec['id'], round(qty * price, 2), round(per_unit, 3)))
print(ok)
for err in errors:
    print(err)
summary = {'ok': len(ok), 'failed': len(errors)}
print(summary)
summary
