class Vec:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f'Vec({self.x}, {self.y})'

v = Vec(1, 2)
v.x = 10
print(v)
try:
    v.z = 3
except AttributeError as e:
    print('AttributeError:', e)

class Vec3(Vec):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return f'Vec3({self.x}, {self.y}, {self.z})'

w = Vec3(1, 2, 3)
print(w, hasattr(w, 'z'))

class Partial:
    __slots__ = ('a', 'b')

p = Partial()
p.a = 1
print(hasattr(p, 'a'), hasattr(p, 'b'))
try:
    p.b
except AttributeError as e:
    print('AttributeError:', e)

class Loose(Vec):
    pass

lo = Loose(0, 0)
lo.extra = 'ok'
print(lo.extra, lo)
[v.x, w.z]
