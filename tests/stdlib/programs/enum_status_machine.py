from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
@unique
class Status(Enum):
    PENDING = 'pending'
    RUNNING = 'running'
    DONE = 'done'
    FAILED = 'failed'
    @property
    def terminal(self):
        return self in (Status.DONE, Status.FAILED)
    @classmethod
    def parse(cls, s):
        try:
            return cls(s.lower())
        except ValueError:
            return cls[s.upper()]
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
class Color(StrEnum):
    RED = auto()
    GREEN = auto()
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(Status.PENDING, repr(Status.RUNNING), Status('done'), Status['FAILED'].value, Status.DONE.name)
print(Status.parse('Running'), Status.parse('failed'), Status.DONE.terminal, Status.PENDING.terminal)
print([s.name for s in Status._member_map_.values()], Status._member_names_)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), int(Priority.LOW), Priority(2))
print(f'{Priority.HIGH}', f'{Status.DONE}', str(Priority.HIGH), repr(Priority.HIGH), Priority.HIGH == 3)
print(Color.RED, Color.RED == 'red', repr(Color.GREEN), Color('green'), Color.RED.upper(), f'{Color.RED}!')
p = Perm.R | Perm.X
print(p, Perm.RW, Perm.R in p, Perm.W in p, bool(Perm.R & Perm.W), repr(Perm(0)), Perm(3), ~Perm.R)
print(Status.DONE is Status('done'), Status.DONE == 'done', hash(Status.DONE) == hash(Status.DONE), {Status.DONE: 1}[Status('done')])
try:
    Status('unknown')
except ValueError as e:
    print('ValueError:', e)
try:
    Status['NOPE']
except KeyError as e:
    print('KeyError:', e)
try:
    Status.DONE.value = 'x'
except AttributeError as e:
    print('AttributeError:', e)
class Shape(Enum):
    CIRCLE = 1
    ROUND = 1
    SQUARE = 2
print(Shape.ROUND, Shape.ROUND is Shape.CIRCLE, Shape(1), Shape._member_names_)
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    MARS = (6.421e+23, 3.3972e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(f'{Planet.EARTH.gravity:.2f} {Planet.MARS.gravity:.3f}', Planet.MARS.value)
class Lenient(Enum):
    A = 'a'
    @classmethod
    def _missing_(cls, value):
        return cls.A if isinstance(value, str) and value.lower() == 'a' else None
print(Lenient('A'))
transitions = {Status.PENDING: {Status.RUNNING}, Status.RUNNING: {Status.DONE, Status.FAILED}}
def step(cur, nxt):
    if nxt not in transitions.get(cur, set()):
        raise ValueError(f'illegal transition {cur.name} -> {nxt.name}')
    return nxt
s = Status.PENDING
for n in [Status.RUNNING, Status.DONE]:
    s = step(s, n)
print(s)
try:
    step(Status.DONE, Status.PENDING)
except ValueError as e:
    print(e)
match s:
    case Status.DONE | Status.FAILED:
        print('finished', s.value)
[Priority.HIGH.value, Color.GREEN.value, Perm.RW.value, Status.FAILED.value]
