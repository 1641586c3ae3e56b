from enum import Enum, IntEnum, auto


class Color(Enum):
    RED = 1
    GREEN = auto()
    BLUE = 3


class N(IntEnum):
    A = 1
    B = 2


print(list(Color), len(Color), [c.name for c in Color], Color.RED in Color, list(reversed(Color)))
print(list(Color.__members__), list(N), N.A + 1, sorted(N, reverse=True), bool(Color))
try:
    print(5 in Color)
except TypeError as e:
    print(e)
{c.name: c.value for c in Color}
