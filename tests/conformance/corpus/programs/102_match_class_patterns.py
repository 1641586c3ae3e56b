class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ('center', 'radius')

    def __init__(self, center, radius):
        self.center, self.radius = center, radius

class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h

def describe(shape):
    match shape:
        case Point(0, 0):
            return 'origin'
        case Point(x, 0):
            return f'on x-axis at {x}'
        case Point(x=0, y=y):
            return f'on y-axis at {y}'
        case Point(x, y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'some point'
        case Circle(Point(x, y), r) if r > 10:
            return f'big circle at ({x}, {y})'
        case Circle(center=c, radius=r):
            return f'circle r={r} at {describe(c)}'
        case Rect(w=w, h=h) if w == h:
            return f'square {w}'
        case Rect(corner=Point(x, y), w=w):
            return f'rect at {x},{y} width {w}'
        case int(n) | float(n):
            return f'number {n}'
        case str() as s:
            return f'string {s!r}'
        case _:
            return 'unknown'

shapes = [Point(0, 0), Point(3, 0), Point(0, 5), Point(2, 2), Point(1, 9), Circle(Point(1, 1), 20),
          Circle(Point(0, 0), 2), Rect(Point(0, 0), 4, 4), Rect(Point(1, 2), 3, 5), 7, 2.5, 'hi', None, [1]]
for s in shapes:
    print(describe(s))
try:
    match Rect(Point(0, 0), 1, 2):
        case Rect(a, b):
            pass
except TypeError as e:
    print('TypeError:', e)
describe(Point(4, 4))
