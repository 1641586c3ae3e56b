# expect: TypeError
def connect(host, port=80, *, timeout=10):
    return f'{host}:{port} ({timeout}s)'

print(connect('a'))
print(connect('b', 8080, timeout=1))
options = {'port': 443, 'timeout_s': 5}
print('options:', options)
print(connect('c', **options))
print('unreachable')
