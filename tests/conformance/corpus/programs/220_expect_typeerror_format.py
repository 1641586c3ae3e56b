# expect: TypeError
items = [('apple', 3), ('pear', None), ('fig', 12)]
for name, qty in items:
    print(f'{name:<8}{qty:>4d}')
