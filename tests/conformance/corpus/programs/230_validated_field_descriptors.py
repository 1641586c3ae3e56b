# Validating descriptors with __set_name__ (the field learns its own name), as agents write for
# lightweight models, plus the error messages that bad input produces.
class Field:
    def __init__(self, kind, *, required=True, default=None):
        self.kind = kind
        self.required = required
        self.default = default

    def __set_name__(self, owner, name):
        self.public = name
        self.private = '_' + name
        owner.field_names = getattr(owner, 'field_names', ()) + (name,)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if value is None and not self.required:
            setattr(obj, self.private, None)
            return
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.public} must be {self.kind.__name__}, got {type(value).__name__}')
        setattr(obj, self.private, value)


class Record:
    def __init__(self, **values):
        for name in self.field_names:
            if name in values:
                setattr(self, name, values.pop(name))
        if values:
            raise TypeError(f'unknown fields: {", ".join(sorted(values))}')

    def __repr__(self):
        parts = ', '.join(f'{n}={getattr(self, n)!r}' for n in self.field_names)
        return f'{type(self).__name__}({parts})'


class Task(Record):
    title = Field(str)
    priority = Field(int, default=3)
    owner = Field(str, required=False)


print(Task.field_names, Task.title.public, type(Task.priority).__name__)
t = Task(title='write report', priority=1)
print(t, t.owner)
t.owner = None
t.priority = 2
print(t)
for bad in [dict(title=5), dict(title='x', priority='high'), dict(title='x', due='mon', tag=1)]:
    try:
        Task(**bad)
    except TypeError as e:
        print('rejected:', e)
for args in [([], ', '), (5, '-'), ((str(p) for p in [1, 2]), '+')]:
    try:
        print(args[1].join(args[0]) or '<empty>')
    except TypeError as e:
        print('join:', e)
try:
    print(*t.priority)
except TypeError as e:
    print('print:', e)
[repr(Task(title=s)) for s in ['a', 'b']]
