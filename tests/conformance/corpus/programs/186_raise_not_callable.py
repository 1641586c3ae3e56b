# expect: TypeError
def fmt(x):
    return f'<{x}>'

print(fmt(1))
handlers = {'a': fmt, 'b': str.upper, 'c': 42}
results = {}
for key in ['a', 'b', 'c']:
    fn = handlers[key]
    results[key] = fn('x')
    print(key, results[key])
print('unreachable')
