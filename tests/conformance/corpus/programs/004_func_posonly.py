def power(base, exp=2, /, *, mod=None):
    r = base ** exp
    return r if mod is None else r % mod

print(power(3))
print(power(2, 10))
print(power(2, 10, mod=1000))
try:
    power(base=2)
except TypeError as e:
    print('TypeError:', e)

def kv(key, /, **kwargs):
    return key, kwargs

print(kv('k', key='v'))

def f(a, b, /, c, d=4, *, e):
    return [a, b, c, d, e]

print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=0, e=5))
out = f(*[9, 8], **{'c': 7, 'e': 6})
assert out == [9, 8, 7, 4, 6]
try:
    f(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
out
