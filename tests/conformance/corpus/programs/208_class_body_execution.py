print('before class')

class Settings:
    print('class body runs at definition time')
    base = 10
    double = base * 2
    names = ['a', 'b']
    first = names[0]
    lookup = {n: i for i, n in enumerate(names)}
    if base > 5:
        mode = 'big'
    else:
        mode = 'small'
    for _i in range(3):
        base += 1
    del _i

    def describe(self):
        return f'{self.mode} {self.base} {self.double} {self.first}'

print('after class')
print(Settings.base, Settings.double, Settings.lookup, Settings().describe())
Settings.extra = 'added'
print(hasattr(Settings, 'extra'), hasattr(Settings, '_i'))
del Settings.extra
print(hasattr(Settings, 'extra'))
try:
    del Settings.extra
except AttributeError as e:
    print('AttributeError:', e)

def make_class(tag):
    class Local:
        label = tag

        def get(self):
            return self.label * 2
    return Local

A, B = make_class('a'), make_class('b')
print(A().get(), B().get(), A is B, A.__name__)

class Outer:
    class Inner:
        value = 42

    inner_value = Inner.value

print(Outer.inner_value, Outer.Inner.value)
Settings.mode
