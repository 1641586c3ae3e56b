class Lazy:
    def __init__(self):
        self.real = 'present'

    @property
    def broken(self):
        raise AttributeError('computed attribute unavailable')

    @property
    def failing(self):
        raise ValueError('boom inside property')

    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:].upper()
        raise AttributeError(f'{type(self).__name__} has no {name!r}')

obj = Lazy()
print(obj.real, obj.dyn_value, getattr(obj, 'dyn_x'), hasattr(obj, 'dyn_y'))
print(hasattr(obj, 'nothing'), getattr(obj, 'nothing', 'default'))
try:
    obj.nothing
except AttributeError as e:
    print('AttributeError:', e)
print(getattr(obj, 'broken', 'fallback'))
try:
    obj.broken
except AttributeError as e:
    print('AttributeError:', e)
try:
    hasattr(obj, 'failing')
except ValueError as e:
    print('ValueError:', e)
obj.dyn_set = 'stored'
print(obj.dyn_set)

class Defaults:
    color = 'red'

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def get(self, name, default=None):
        return getattr(self, name, default)

d = Defaults(size=3)
print(d.get('color'), d.get('size'), d.get('weight', 0), d.get('get') == d.get)
fields = ['color', 'size', 'weight']
print({f: getattr(d, f, None) for f in fields})
[getattr(d, f, None) for f in fields]
