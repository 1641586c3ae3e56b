class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    {}['missing']
    print('not reached')
print('after', repr(s.caught))
with Suppress(ZeroDivisionError) as s2:
    x = 1
print('no error', s2.caught, x)
try:
    with Suppress(KeyError):
        int('nope')
except ValueError as e:
    print('escaped:', e)

def f():
    with Suppress(Exception):
        return 'returned from with'
    return 'after with'

print(f())

def g():
    for i in range(5):
        with Suppress(ValueError):
            if i == 1:
                continue
            if i == 3:
                break
            raise ValueError(i)
    return i

print(g())
type(s.caught).__name__
