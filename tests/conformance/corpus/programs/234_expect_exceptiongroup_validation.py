# expect: ExceptionGroup
# Batch validation that collects errors into an ExceptionGroup; except* handles one kind, the rest
# propagate as a smaller group.
def validate(item):
    if not isinstance(item.get('qty'), int):
        raise TypeError(f"qty of {item['sku']} must be int")
    if item['qty'] < 0:
        raise ValueError(f"qty of {item['sku']} is negative")
    return item['qty']


items = [{'sku': 'a', 'qty': 1}, {'sku': 'b', 'qty': -2}, {'sku': 'c', 'qty': '3'}, {'sku': 'd', 'qty': -1}]
errors, total = [], 0
for it in items:
    try:
        total += validate(it)
    except (TypeError, ValueError) as e:
        e.add_note(f'while validating {it}')
        errors.append(e)
print('total', total, [type(e).__name__ for e in errors])
try:
    raise ExceptionGroup('validation failed', errors)
except* TypeError as eg:
    print('type errors:', [str(e) for e in eg.exceptions])
