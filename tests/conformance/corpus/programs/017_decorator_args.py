def repeat(times, sep=' '):
    def deco(fn):
        def wrapper(*args):
            return sep.join(fn(*args) for _ in range(times))
        return wrapper
    return deco

@repeat(3)
def word(w):
    return w

@repeat(2, sep='|')
def shout(w):
    return w.upper()

print(word('la'))
print(shout('hey'))

def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for name, t in types.items():
                if not isinstance(kwargs.get(name), t):
                    raise TypeError(f'{name} must be {t.__name__}')
            return fn(**kwargs)
        return wrapper
    return deco

@validate(n=int, label=str)
def label_n(n, label):
    return f'{label}#{n}'

print(label_n(n=3, label='item'))
try:
    label_n(n='3', label='item')
except TypeError as e:
    print('error:', e)
(word('a'), shout('b'))
