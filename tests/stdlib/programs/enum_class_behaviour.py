# The enum class itself: repr, missing members, reassignment, unique() message.
from enum import Enum, Flag, IntEnum, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2


class Perm(Flag):
    R = auto()
    W = auto()


class Bits(IntFlag):
    A = 1


class Level(IntEnum):
    LOW = 1


print(Color, Perm, Bits, Level, repr(Color), [Color], str(Perm))
print(list(Color), len(Color), Color.RED in Color)
Color.note = 'extra attributes are fine'
print(Color.note, getattr(Color, 'BLUE', 'default'), hasattr(Color, 'RED'), hasattr(Color, 'BLUE'))
try:
    Color.PURPLE
except AttributeError as e:
    print('missing:', e)
try:

    @unique
    class Dup(Enum):
        A = 1
        B = 1

except ValueError as e:
    print(e)
Color.RED = 3
