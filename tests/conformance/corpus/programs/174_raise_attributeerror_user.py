# expect: AttributeError
class Foo:
    def __init__(self):
        self.baz = 1

    def describe(self):
        return f'Foo(baz={self.baz})'

f = Foo()
print(f.describe())
print(hasattr(f, 'bar'))
f.baz += 1
print(f.describe())
print(f.bar)
