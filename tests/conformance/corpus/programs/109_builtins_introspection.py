class Thing:
    color = 'red'

    def __init__(self):
        self.size = 3

    def grow(self, n=1):
        self.size += n
        return self.size

t = Thing()
for attr in ['color', 'size', 'grow', 'weight']:
    print(attr, hasattr(t, attr), getattr(t, attr, 'n/a') if attr != 'grow' else 'method')
setattr(t, 'weight', 2.5)
print(t.weight, getattr(t, 'weight'))
method = getattr(t, 'grow')
print(method(), method(5), t.size, callable(method))
try:
    getattr(t, 'nope')
except AttributeError as e:
    print('AttributeError:', e)
values = [1, 1.0, 'a', b'a', [1], (1,), {1}, {1: 1}, None, True, range(1), Thing, t, len, lambda: 0, 1j, frozenset()]
print([type(v).__name__ for v in values])
print([callable(v) for v in values])
print(isinstance(1, (str, float)), isinstance('x', (str, bytes)), isinstance([], (list, tuple)))
print(issubclass(bool, int), issubclass(int, (str, bool)), issubclass(Thing, object))
print(type(t) == Thing, type(t) is Thing, type(1) is int, type('') is str)
fields = {'name': 'x', 'size': 10}
for k, v in fields.items():
    setattr(t, k, v)
print(t.name, t.size)
print(len('abc'), len([1, 2]), len({'a': 1}), len(range(0, 10, 3)), len(b'xy'), len(set()))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
[type(v).__name__ for v in values[:6]]
