from typing import Any, Optional

def parse(value: str | bytes | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    if isinstance(value, bytes):
        value = value.decode()
    return int(value) if value.strip().isdigit() else default

print([parse(v, -1) for v in ['12', b'7', None, 'x', ' 3 ']])
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | float), int | None == Optional[int])
Row = dict[str, int | float]
Matrix = list[list[float]]
print(Row, Matrix, list[int], tuple[int, ...], int | None)
print(Optional[int], Any, list[Optional[str]])

def total(rows: list[Row], key: str) -> float:
    return sum(r.get(key, 0) for r in rows)

rows: list[Row] = [{'a': 1, 'b': 2.5}, {'a': 3}, {'b': 0.5}]
print(total(rows, 'a'), total(rows, 'b'), total(rows, 'c'))

def first_number(items: list[Any]) -> int | float | None:
    for item in items:
        match item:
            case int() | float() if not isinstance(item, bool):
                return item
    return None

print(first_number(['a', True, None, 2.5, 3]), first_number([]))
[parse('5'), parse(None), first_number([False, 7])]
