from typing import Any, Optional, cast

def parse_int(s: str, default: Optional[int] = None) -> Optional[int]:
    s = s.strip()
    if s.lstrip('-').isdigit():
        return int(s)
    return default

def summarize(rows: list[dict[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        key = cast(str, row.get('k'))
        out[key] = out.get(key, 0) + cast(int, row['v'])
    return out

vals = [parse_int(x, -1) for x in ['12', ' -7 ', 'x', '']]
print(vals)
rows = [{'k': 'a', 'v': 1}, {'k': 'b', 'v': 5}, {'k': 'a', 'v': 2}]
s = summarize(rows)
print(s)
count: int = 0
for v in s.values():
    count += v
print(count)
name: str
assert s == {'a': 3, 'b': 5}
print(parse_int('9'), parse_int('nine'))
(vals, count)
