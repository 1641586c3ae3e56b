class Greeter:
    def greet(self, name, punct='!'):
        return f'hi {name}{punct}'

    @classmethod
    def make(cls, prefix):
        return cls()

    @staticmethod
    def util(a, b):
        return a + b

    class Inner:
        def run(self, x):
            return x

g = Greeter()
print(g.greet('ann'), Greeter.util(1, 2), type(Greeter.make('p')).__name__)
tests = [
    lambda: g.greet(),
    lambda: g.greet('a', 'b', 'c'),
    lambda: g.greet(name='a', nick='b'),
    lambda: Greeter.greet('x'),
    lambda: Greeter.make(),
    lambda: Greeter.util(1),
    lambda: Greeter.Inner().run(),
    lambda: Greeter(1),
    lambda: g.missing_method(),
    lambda: Greeter.nothing,
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__, e)
print(Greeter.greet.__name__, Greeter.Inner.__name__, Greeter.Inner.run.__name__)
len(tests)
