from enum import Enum, IntEnum, auto, unique

# Custom value generation for auto(), as a model writing an enum of event names might do.
class Event(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower().replace('_', '.')

    USER_CREATED = auto()
    USER_DELETED = auto()
    ORDER_PAID = auto()


print([e.value for e in Event], Event('order.paid'))


class Level(IntEnum):
    DEBUG = auto()
    INFO = auto()
    WARN = 10
    ERROR = auto()


print([(l.name, l.value) for l in Level], Level.ERROR > Level.INFO, Level(10).name)


class Shape(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return (count + 1) * 100

    SQUARE = auto()
    CIRCLE = auto()

    def describe(self):
        return f'{self.name.title()}#{self.value}'


print([s.describe() for s in Shape])
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)
Event.USER_CREATED.value
