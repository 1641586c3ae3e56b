from typing import TypeVar, Generic, Optional, Literal, TypedDict, Protocol, Callable, Iterator, Union, Any, NamedTuple, cast
from dataclasses import dataclass, field
import sys

T = TypeVar('T')
K = TypeVar('K')

class HasId(Protocol):
    id: int

class UserDict(TypedDict, total=False):
    id: int
    name: str
    role: Literal['admin', 'user']

class Coord(NamedTuple):
    lat: float
    lon: float = 0.0
    def label(self) -> str:
        return f'({self.lat:.2f}, {self.lon:.2f})'

@dataclass
class User:
    id: int
    name: str
    role: Literal['admin', 'user'] = 'user'
    email: Optional[str] = None

class Repo(Generic[T]):
    def __init__(self, key: Callable[[T], int]) -> None:
        self._items: dict[int, T] = {}
        self._key = key
    def add(self, item: T) -> T:
        k = self._key(item)
        if k in self._items:
            raise KeyError(f'duplicate id {k}')
        self._items[k] = item
        return item
    def get(self, k: int, default: Optional[T] = None) -> Optional[T]:
        return self._items.get(k, default)
    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items.values(), key=self._key))
    def __len__(self) -> int:
        return len(self._items)
    def __contains__(self, k: object) -> bool:
        return k in self._items
    def where(self, pred: Callable[[T], bool]) -> list[T]:
        return [x for x in self if pred(x)]

repo: Repo[User] = Repo(key=lambda u: u.id)
for i, n in enumerate(['ann', 'bob', 'cy'], 1):
    repo.add(User(i, n, 'admin' if i == 2 else 'user'))
print(len(repo), 2 in repo, 9 in repo, repo.get(2), repo.get(9), repo.get(9, User(0, '?')))
print([u.name for u in repo.where(lambda u: u.role == 'user')])
try:
    repo.add(User(1, 'dup'))
except KeyError as e:
    print('KeyError', e)
raw: UserDict = {'id': 7, 'name': 'zed'}
print(raw, raw.get('role', 'user'), UserDict(id=1), type(raw).__name__)
c = Coord(51.5)
print(c, c.label(), c._replace(lon=-0.12), c._asdict(), Coord._fields, c == (51.5, 0.0), isinstance(c, tuple))
lat, lon = c
print(lat, lon, c[0], len(c), Coord(1, 2) < Coord(1, 3))
def first(xs: list[T]) -> Optional[T]:
    return xs[0] if xs else None
def parse_num(s: str) -> Union[int, float, None]:
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            return None
print(first([3, 4]), first([]), [parse_num(s) for s in ['1', '2.5', 'x', '-0']])
x = cast(int, '5')
print(x, cast('list[int]', [1]))
def describe(v: Any) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return 'number'
    if isinstance(v, str):
        return 'text'
    if isinstance(v, (list, tuple)):
        return f'seq[{len(v)}]'
    if v is None:
        return 'none'
    return type(v).__name__
print([describe(v) for v in [1, 2.0, True, 'a', [1], (), None, {}, User(1, 'a')]])
print(sys.version_info[:2] >= (3, 8), sys.maxsize > 2**31, type(sys.argv).__name__)
print('err line', file=sys.stderr)
sys.stdout.write('written directly\n')
print(Optional[int] == Union[int, None], Literal['a'] == Literal['a'])
[u.name for u in repo], c.label()
