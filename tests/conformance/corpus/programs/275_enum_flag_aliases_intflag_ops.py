# Flag aliases (zero and multi-bit) and IntFlag operators, as 3.11 defines them.
from enum import Flag, IntFlag, auto, Enum
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    NONE = 0
    WHITE = RED | GREEN | BLUE
print(list(Color), len(Color), Color.NONE, repr(Color.NONE), Color.WHITE, list(Color.WHITE))
print(Color.RED in Color, Color(0) is Color.NONE, bool(Color.NONE), Color.WHITE & ~Color.RED)
print([c.name for c in Color.RED | Color.BLUE], (Color.RED | Color.BLUE).value)
print(Color['WHITE'] is Color.WHITE, Color(7) is Color.WHITE, hash(Color.RED) == hash(Color.RED))
print(sorted(Color, key=lambda c: -c.value))
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W | Perm.X, repr(Perm(7)), Perm(7) == 7, Perm.R in Perm(6))
print(repr(Perm.R & Perm.W), repr(Perm(16)), repr(Perm.R ^ Perm.R))
print(isinstance(Perm.R | 1, Perm), Perm.R | 1 is Perm(5), int(Perm.R) + 1)
x = Perm.R
x |= Perm.W
print(repr(x), x.name, [p.name for p in x])
class Shape(Enum):
    SQ = 1
    CI = 2
print(list(Shape), Shape(2), Shape.SQ in Shape)
