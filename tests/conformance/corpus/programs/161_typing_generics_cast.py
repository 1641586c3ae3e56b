from typing import Any, cast, Optional, Iterable, Iterator, Sequence, Mapping

def first(items: Sequence[Any], default: Optional[Any] = None) -> Any:
    return items[0] if items else default

def chunked(it: Iterable[int], n: int) -> Iterator[list[int]]:
    buf: list[int] = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield buf
            buf = []
    if buf:
        yield buf

def invert(m: Mapping[str, int]) -> dict[int, str]:
    return {v: k for k, v in m.items()}

raw: Any = '42'
n = int(cast(str, raw))
print(n + 1, cast(int, 'not really an int'))
print(first([3, 4]), first([], 'empty'), first('xyz'))
print(list(chunked(range(7), 3)))
print(invert({'a': 1, 'b': 2}))

def process(data: dict[str, list[tuple[int, str]]]) -> list[str]:
    return [f'{k}:{i}{s}' for k, pairs in data.items() for i, s in pairs]

print(process({'x': [(1, 'a'), (2, 'b')], 'y': []}))
maybe: Optional[int] = None
print(maybe is None, (maybe or 0) + 1)
list(chunked([1, 2, 3, 4], 2))
