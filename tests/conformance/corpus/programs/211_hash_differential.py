# hash() keeps CPython's values where CPython's are the same in every process (numbers, tuples and
# frozensets of them), its invariants, user __hash__ methods and its errors.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(10**30), hash(-(10**30)))
print(hash(1.5), hash(-0.0), hash(1e300), hash(float('inf')), hash(float('-inf')), hash(0.1))
print(hash(True), hash(False), hash(3 + 4j), hash(complex(1.5, -2)))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j), hash(2**64) == hash(float(2**64)))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3.5), -1)), hash(((),)), hash((True, 1.0)))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 3.5})))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(frozenset({frozenset({1})})))
print(hash(range(3)), hash(range(0, 10, 2)))
print(hash('abc') == hash('abc'), hash('') == 0, hash(b'') == 0, hash(('a', 1)) == hash(('a', 1)))


class S(str):
    pass


class B(bytes):
    pass


class I(int):
    pass


print(hash(S('abc')) == hash('abc'), hash(B(b'xy')) == hash(b'xy'), hash(I(7)) == hash(7))
print(hash((S('k'), 1)) == hash(('k', 1)), hash(frozenset({S('a')})) == hash(frozenset({'a'})))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


class Big:
    def __hash__(self):
        return 2**100


class MinusOne:
    def __hash__(self):
        return -1


class Bad:
    def __hash__(self):
        return 'x'


print(hash(Point(1, 2)) == hash((1, 2)), hash(Big()) == hash(2**100), hash(MinusOne()))
points = {Point(1, 2): 'a', Point(3, 4): 'b'}
print(points[Point(1, 2)], Point(3, 4) in points, len({Point(1, 2), Point(1, 2), Point(2, 1)}))


class EqOnly:
    def __eq__(self, other):
        return True


class NoHash:
    __hash__ = None


class Plain:
    def m(self):
        return 1


p = Plain()
print(hash(p) == hash(p), hash(Plain) == hash(Plain), hash(print) == hash(print), hash(p.m) == hash(p.m))
for value in ([], {}, set(), EqOnly(), NoHash(), (1, []), frozenset, bytearray(b'x'), slice(1, 2)):
    try:
        hash(value)
        print('hashable', type(value).__name__)
    except TypeError as e:
        print('TypeError:', e)
try:
    hash(Bad())
except TypeError as e:
    print('TypeError:', e)
try:
    hash()
except TypeError:
    print('no argument: TypeError')
