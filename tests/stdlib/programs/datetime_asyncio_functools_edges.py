# datetime vs date ordering, asyncio task state errors, singledispatch/namedtuple call errors,
# typing.get_origin/get_args for runtime validation.
import asyncio
import functools
from collections import namedtuple
from datetime import date, datetime
from typing import Literal, Optional, Union, get_args, get_origin

for a, b in ((date(2024, 1, 1), datetime(2024, 1, 1)), (datetime(2024, 1, 2), date(2024, 1, 1))):
    try:
        print(a < b)
    except TypeError as e:
        print(e)
print(datetime(2024, 1, 1) == date(2024, 1, 1), datetime(2024, 1, 1) < datetime(2024, 1, 2))
print(sorted([datetime(2024, 1, 3), datetime(2024, 1, 1)]), len({datetime(2024, 1, 1), datetime(2024, 1, 1)}))


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    t.cancel()
    return 'ok'


print(asyncio.run(main()))


@functools.singledispatch
def show(x):
    return 'obj'


try:
    show()
except TypeError as e:
    print(e)
P = namedtuple('P', 'x y z', defaults=[0])
print(P(1, 2), P(1, y=2, z=3), P(y=1, x=2))
for kwargs in ({'x': 1, 'q': 2}, {'y': 1}):
    try:
        P(**kwargs)
    except TypeError as e:
        print(e)


def check(v, tp):
    origin = get_origin(tp)
    if origin is Union:
        return any(check(v, a) for a in get_args(tp))
    if origin is Literal:
        return v in get_args(tp)
    if origin is list:
        return isinstance(v, list) and all(check(x, get_args(tp)[0]) for x in v)
    if tp is type(None):
        return v is None
    return isinstance(v, tp)


print(get_args(Optional[int]), get_origin(list[int]), get_args(dict[str, int]), get_args(int | str))
print(check([1, 2], list[int]), check(None, Optional[str]), check('b', Literal['a', 'b']), check(['x'], list[int]))
P(1, x=2)
