class Point:
    dims = 2

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __repr__(self):
        return f'Point({self.x}, {self.y})'

    def __str__(self):
        return f'({self.x}, {self.y})'

    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(1, 2)
q = Point(4, 6)
print(p, repr(q), [p, q], str(p))
print(p.dist2(q), Point.dist2(p, q), p.moved(1, 1))
print(p.dims, Point.dims, type(p).__name__, Point.__name__)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 4
print(p.dims, q.dims)
print(isinstance(p, Point), isinstance(p, object), hasattr(p, 'x'), hasattr(p, 'z'))
setattr(p, 'z', 9)
print(getattr(p, 'z'), getattr(p, 'w', 'default'))
p.x += 10
print(p, Point())
f'{p!r} {p}'
