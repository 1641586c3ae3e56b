a, *b = [1, 2, 3]
*c, d = 'xyz'
e, *f, g = range(5)
h, *i = [1]
print(a, b, c, d, e, f, g, h, i)
(j, k), l = (1, 2), 3
m, (n, *o) = 'p', 'qrs'
print(j, k, l, m, n, o)
first, second, *_ = ['alpha', 'beta', 'gamma', 'delta']
print(first, second, _)
for x, *rest in [(1, 2, 3), (4,), 'ab']:
    print(x, rest)
for idx, (key, val) in enumerate({'a': 1, 'b': 2}.items()):
    print(idx, key, val)
merged = [*range(3), *'ab', *(None,)]
print(merged)
s = {*[1, 2], *{2, 3}}
print(sorted(s))
dd = {**{'a': 1}, 'b': 2, **{'a': 3}}
print(dd)
t = *[1, 2], 3
print(t)

def fn(*args, **kwargs):
    return args, kwargs

print(fn(*[1, 2], 3, *(4,), **{'x': 1}, y=2))
x, y = y, x = 1, 2
print(x, y)
sa, sb = 1, 2
sa, sb = sb, sa
print(sa, sb)
try:
    p, q = [1, 2, 3]
except ValueError as err:
    print('ValueError:', err)
try:
    p, q, r = [1, 2]
except ValueError as err:
    print('ValueError:', err)
try:
    p, *q, r = [1]
except ValueError as err:
    print('ValueError:', err)
try:
    p, q = 5
except TypeError as err:
    print('TypeError:', err)
[a, b, c, d]
