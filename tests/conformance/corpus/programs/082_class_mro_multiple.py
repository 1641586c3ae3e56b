class Base:
    def hello(self):
        return ['Base']

class Left(Base):
    def hello(self):
        return ['Left'] + super().hello()

class Right(Base):
    def hello(self):
        return ['Right'] + super().hello()

class Child(Left, Right):
    def hello(self):
        return ['Child'] + super().hello()

print(Child().hello())
print([c.__name__ for c in Child.mro()])

class A:
    def __init__(self):
        self.log = ['A']

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append('B')

class C(A):
    def __init__(self):
        super().__init__()
        self.log.append('C')

class D(B, C):
    def __init__(self):
        super().__init__()
        self.log.append('D')

print(D().log, [k.__name__ for k in D.mro()])

class Mixin:
    def describe(self):
        return f'{type(self).__name__} with {self.extra()}'

class PairsMixin:
    def to_pairs(self):
        return sorted(self.data.items())

class Record(Mixin, PairsMixin):
    def __init__(self, **data):
        self.data = data

    def extra(self):
        return len(self.data)

r = Record(b=2, a=1)
print(r.describe(), r.to_pairs())
print(isinstance(r, Mixin), isinstance(r, PairsMixin), issubclass(Record, (int, PairsMixin)))
Child().hello()
