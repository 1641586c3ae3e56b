name, age, score = 'Ann', 31, 92.456
print(f'{name} is {age} years old')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{score:.1f} {score:8.2f}| {score:<8.1f}| {score:^9.0f}|')
print(f'{age:05d} {age:+d} {-age:+d} {age: d} {age:x} {age:#o}')
print(f'{1234567:,} {1234567.891:,.2f} {1234567:_} {0.25:.0%} {0.1234:.2%}')
print(f'{name:>6}|{name:<6}|{name:^7}|{name:*^7}|')
print(f'{{literal}} {{{name}}}')
print(f'{age * 2} {age > 30} {[age, name]} {"quoted"} {len(name)}')
items = {'a': 1}
print(f"{items['a']} {items!r}")
print(f'{3.0} {1e20} {1/3} {2.5:g} {1e-7:g} {123456789.0:g} {0.00001234:e}')
print(f'{True} {None} {b"x"} {(1, 2)}')
print(f'{"left":<10}|{"right":>10}|')
nl = '\n'
print(f'a{nl}b'.split(nl))
print(f'{age:{"d"}}', f'{3.14159:.3}', f'{42:c}', f'{-0.0:.1f}', f'{1e300 * 1e10:f}')
result = f'{name}-{age:03}'
result
