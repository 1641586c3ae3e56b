x = 3.14159265
for w, p in [(10, 2), (8, 4), (6, 0)]:
    print(f'|{x:>{w}.{p}f}|{x:<{w}.{p}f}|{x:^{w}.{p}f}|')
fill, align, width = '*', '^', 11
print(f'{"mid":{fill}{align}{width}}')
spec = '>8.3f'
print(f'[{x:{spec}}]')
rows = [('apple', 1.5, 3), ('kiwi', 0.25, 12), ('watermelon', 3.0, 1)]
w = max(len(r[0]) for r in rows)
for name, price, qty in rows:
    print(f'{name:<{w}} {price:>6.2f} x{qty:<3d}= {price * qty:>7.2f}')
total = sum(p * q for _, p, q in rows)
print(f'{"TOTAL":<{w}} {total:>{6 + 1 + 5 + 2 + 7}.2f}')
value = 42
print(f'{value=}', f'{value = }', f'{value=:>5}', f'{x=:.2f}', f'{value!r:>4}')
name = 'bob'
print(f'{name=!s}', f'{name=}', f'{name!r:^9}')
print(f'{value:{"#" if value > 10 else ""}x}')
width = 4
print([f'{i:0{width}d}' for i in range(3)])
print(f'{value + 1 = }', f'{rows[0][0]=}')
f'{x:.{width}f}'
