class Shape:
    def __init__(self, name, **kwargs):
        self.name = name
        super().__init__(**kwargs)

    def area(self):
        raise NotImplementedError(type(self).__name__)

    def describe(self):
        return f'{self.name}: area={self.area():.2f}'

class Colored:
    def __init__(self, color='black', **kwargs):
        self.color = color
        super().__init__(**kwargs)

class Rect(Shape):
    def __init__(self, w, h, **kwargs):
        super().__init__('rect', **kwargs)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side, **kwargs):
        super().__init__(side, side, **kwargs)
        self.name = 'square'

class ColoredSquare(Square, Colored):
    def describe(self):
        return super().describe() + f' ({self.color})'

shapes = [Rect(2, 3.5), Square(3), ColoredSquare(2, color='red')]
for s in shapes:
    print(s.describe())
try:
    Shape('abstract').describe()
except NotImplementedError as e:
    print('NotImplementedError:', e)

class Base:
    @classmethod
    def create(cls):
        return cls.__name__

class Derived(Base):
    @classmethod
    def create(cls):
        return 'derived-' + super().create()

print(Derived.create(), Base.create())
[s.area() for s in shapes]
