from enum import StrEnum, Enum, auto

# StrEnum values used as plain strings in payloads and lookups.
class Status(StrEnum):
    ACTIVE = auto()
    PAUSED = auto()
    DONE = 'finished'


print(list(Status), [s.value for s in Status])
print(Status.ACTIVE == 'active', Status('finished') is Status.DONE, f'{Status.PAUSED}', str(Status.DONE))
print(repr(Status.ACTIVE), Status.ACTIVE.upper(), Status.DONE + '!', isinstance(Status.DONE, str))
payload = {'status': Status.PAUSED}
print(payload['status'] == 'paused', {Status.ACTIVE: 1}['active'], '-'.join(Status))
print(sorted(Status), Status['DONE'].name, Status.ACTIVE.startswith('act'))


class Color(Enum):
    RED = 'r'
    GREEN = 'g'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower() or member.name == value.upper():
                    return member
        return None


print(Color('R'), Color('green'), Color('G'))
try:
    Color('blue')
except ValueError as e:
    print('ValueError:', e)
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print('TypeError:', e)
Status.ACTIVE.value
