from typing import ClassVar, Optional

class Settings:
    name: str
    retries: int = 3
    timeout: Optional[float] = None
    registry: ClassVar[list[str]] = []

    def __init__(self, name: str, **overrides: int) -> None:
        self.name = name
        for k, v in overrides.items():
            setattr(self, k, v)
        Settings.registry.append(name)

print(hasattr(Settings, 'name'), hasattr(Settings, 'retries'), Settings.retries, Settings.timeout)
s = Settings('svc', retries=5)
t = Settings('other')
print(s.name, s.retries, t.retries, s.timeout, Settings.registry)

class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y

    def __repr__(self) -> str:
        return f'Point({self.x}, {self.y})'

print(Point(1, 2))
try:
    Settings.name
except AttributeError as e:
    print('AttributeError:', e)

def annotated_locals() -> int:
    x: int = 5
    y: list[int]
    return x

print(annotated_locals())
[s.retries, t.retries]
