def connect(host, port=80, *, timeout=5, retries=0):
    return f'{host}:{port} t={timeout} r={retries}'

print(connect('a'))
print(connect('b', 8080, timeout=1))
print(connect('c', retries=3))

try:
    connect('d', 1, 2)
except TypeError as e:
    print('TypeError:', e)

def required_kw(*, name, age):
    return (name, age)

print(required_kw(age=3, name='z'))
try:
    required_kw(name='q')
except TypeError as e:
    print('TypeError:', e)
try:
    required_kw('q', 1)
except TypeError as e:
    print('TypeError:', e)

def mixed(a, *args, b, c=3, **kw):
    return a, args, b, c, kw

r = mixed(1, 2, 3, b=4, d=5)
print(r)
assert r == (1, (2, 3), 4, 3, {'d': 5})
print(mixed(0, b=None))
list(r[1])
