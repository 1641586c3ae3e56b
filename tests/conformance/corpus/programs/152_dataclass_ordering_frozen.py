from dataclasses import dataclass, field

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f'{self.major}.{self.minor}.{self.patch}'

vs = [Version(1, 2), Version(0, 9, 9), Version(1, 10), Version(1, 2, 1)]
print(sorted(vs))
print([str(v) for v in sorted(vs, reverse=True)])
print(max(vs), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 99))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
print(len({Version(1), Version(1, 0, 0), Version(2)}))
lookup = {Version(1, 2): 'stable'}
print(lookup[Version(1, 2, 0)])

@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)

tasks = [Task(3, 'c'), Task(1, 'a'), Task(2, 'b'), Task(1, 'z')]
print([t.name for t in sorted(tasks)])
print(Task(1, 'x') == Task(1, 'y'))
str(max(vs))
