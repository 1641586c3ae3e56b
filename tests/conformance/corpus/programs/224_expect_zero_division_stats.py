# expect: ZeroDivisionError
groups = {'a': [1, 2, 3], 'b': [4], 'c': []}
for name, vals in groups.items():
    mean = sum(vals) / len(vals)
    print(f'{name}: {mean:.2f}')
