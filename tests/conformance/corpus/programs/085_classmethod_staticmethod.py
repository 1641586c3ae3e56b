class Date:
    count = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split('-'))
        return cls(y, m, d)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return f'{type(self).__name__}({self.y:04d}-{self.m:02d}-{self.d:02d})'

class StrictDate(Date):
    @classmethod
    def from_string(cls, s):
        if s.count('-') != 2:
            raise ValueError(f'bad date {s!r}')
        return super().from_string(s)

d = Date.from_string('2024-02-29')
sd = StrictDate.from_string('1999-12-31')
print(d, sd, Date.count)
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), StrictDate.is_leap(2023))
print([y for y in range(1896, 1912) if Date.is_leap(y)])
try:
    StrictDate.from_string('2020/01/01')
except ValueError as e:
    print(e)
f = Date.from_string
print(f('2001-01-01'))

class Registry:
    items = []

    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)

Registry.add('a')
Registry().add('b')
print(Registry.items)
Date.count
