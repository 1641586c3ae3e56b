# expect: TypeError
# Merging caller options with defaults through ** twice: the duplicate key is CPython's TypeError.
def connect(host, port=5432, **options):
    return f'{host}:{port} {sorted(options.items())}'


defaults = {'port': 5432, 'ssl': True}
print(connect('db', **defaults))
print(connect(host='db', **{'timeout': 3}))
for call in (lambda: connect('db', port=1, **{'port': 2}),
             lambda: connect(**{'host': 'a'}, **{'host': 'b'}),
             lambda: connect('db', host='other'),
             lambda: dict(a=1, **{'a': 2})):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
overrides = {'ssl': False}
connect('db', **defaults, **overrides)
