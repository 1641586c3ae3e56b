cases = [ValueError(), ValueError('one'), ValueError('a', 'b'), KeyError('key'), KeyError('a', 'b'), KeyError(), IndexError(3), Exception(None), Exception([1, 2])]
for e in cases:
    print(f'{type(e).__name__:<12} str={str(e)!r:<22} repr={e!r} args={e.args}')

class WithData(Exception):
    def __init__(self, field, value):
        super().__init__(f'bad {field}: {value!r}')
        self.field = field
        self.value = value

e = WithData('age', -3)
print(str(e), e.args, e.field, e.value)

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x

n = NoSuper(5)
print(repr(str(n)), n.args, n.x)

class Custom(ValueError):
    def __str__(self):
        return 'custom text'

print(str(Custom('ignored')), repr(Custom('ignored')))
[str(c) for c in cases[:4]]
