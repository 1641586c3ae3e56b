# ruff: noqa
import contextlib
import copy
import csv
import io
from abc import ABC, abstractmethod
from enum import Enum, Flag, IntEnum, StrEnum, auto


class Color(Enum):
    RED = 1
    GREEN = auto()
    CRIMSON = 1

    def describe(self):
        return f'{self.name}={self.value}'


print(
    Color.RED, repr(Color.GREEN), Color(1), Color['GREEN'], Color.CRIMSON is Color.RED, Color.RED.describe()
)
print(
    isinstance(Color.RED, Color),
    Color.RED == Color.RED,
    Color.RED != Color.GREEN,
    f'{Color.RED}',
    Color._member_names_,
)


class N(IntEnum):
    A = 1
    B = 2


print(N.A + 1, N.B > N.A, str(N.A), repr(N.A), f'{N.B}', N(2))


class S(StrEnum):
    X = auto()


print(S.X, S.X == 'x', repr(S.X))


class M(str, Enum):
    A = 'a'


print(M.A, repr(M.A), M('a'), M.A == 'a', f'{M.A}')


class P(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = P.R | P.W
print(rw, repr(rw), P.R in rw, P.X in rw, bool(P.R & P.X))
try:
    Color(7)
except ValueError as e:
    print(e)


class Shape(ABC):
    @abstractmethod
    def area(self): ...


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s**2


print(Sq(3).area())
try:
    Shape()
except TypeError as e:
    print(e)
a = [1, [2, 3], {'k': [4]}]
b = copy.deepcopy(a)
b[1].append(9)
print(a, b, copy.copy(a)[1] is a[1])


class Pt:
    def __init__(self, x):
        self.x = x


p = copy.deepcopy(Pt([1]))
print(p.x)


@contextlib.contextmanager
def cm(tag):
    print('enter', tag)
    yield tag.upper()
    print('exit', tag)


with cm('a') as v:
    print(v)
with contextlib.suppress(KeyError):
    {}['x']
s = io.StringIO()
w = csv.writer(s)
w.writerow(['a', 'b,c', 1])
w.writerows([[1, 2], [3, 4]])
print(repr(s.getvalue()))
rows = list(csv.reader(io.StringIO(s.getvalue())))
print(rows)
dw = csv.DictWriter(s2 := io.StringIO(), fieldnames=['x', 'y'])
dw.writeheader()
dw.writerow({'x': 1, 'y': 2})
print(list(csv.DictReader(io.StringIO(s2.getvalue()))))
b = io.BytesIO(b'abc')
b.seek(0, 2)
b.write(b'd')
print(b.getvalue())
with contextlib.ExitStack() as st:
    st.callback(print, 'cb')
    print('in stack')
