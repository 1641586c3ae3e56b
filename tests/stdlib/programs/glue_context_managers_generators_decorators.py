from contextlib import contextmanager, suppress
from typing import Iterator, Generator
import itertools
@contextmanager
def section(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    except ValueError as e:
        print('handled', e)
    finally:
        print(f'</{name}>')
with section('a') as s:
    print(s)
with section('b'):
    raise ValueError('inside')
with suppress(KeyError):
    {}['x']
print('after suppress')
class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None, ev)
        return et is ZeroDivisionError
with Timer() as t:
    1 / 0
print(t.entered)
def walk(tree, depth=0) -> Iterator[tuple[int, str]]:
    yield depth, tree['name']
    for child in tree.get('children', []):
        yield from walk(child, depth + 1)
tree = {'name': 'root', 'children': [{'name': 'a', 'children': [{'name': 'a1'}]}, {'name': 'b'}]}
for d, n in walk(tree):
    print('  ' * d + n)
def averager() -> Generator[float, float, None]:
    total = count = 0
    avg = 0.0
    while True:
        x = yield avg
        total += x; count += 1
        avg = total / count
g = averager(); next(g)
print([g.send(v) for v in (10, 20, 30)])
g.close()
def retry(times):
    def deco(fn):
        def wrapper(*a, **k):
            for attempt in range(1, times + 1):
                try:
                    return fn(*a, **k)
                except RuntimeError as e:
                    print(f'attempt {attempt} failed: {e}')
            raise RuntimeError('gave up')
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
calls = iter([1, 2, 3])
@retry(3)
def flaky():
    n = next(calls)
    if n < 3:
        raise RuntimeError(f'n={n}')
    return n
print(flaky(), flaky.__name__)
try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise ValueError('outer')
except ValueError as e:
    print(repr(e), repr(e.__context__))
def gen_fin():
    try:
        yield 1
        yield 2
    finally:
        print('gen cleanup')
for x in gen_fin():
    print(x); break
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
x = 10
result = 'big' if x > 5 else 'small'
print(result, (y := x * 2), y)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [row[::-1] for row in matrix], sum(matrix, []))
print(sorted(range(10), key=lambda i: (i % 3, -i)))
print(f"{'nested ' + f'{x:03d}'}", f'{3.14159:8.3f}|', f'{"left":<8}|{"right":>8}|{"mid":^9}|', f'{1e-7:g}', f'{12345.678:e}')
print(f'{x!r:>6}', f'{"é"!a}', f'{255:#x} {255:#o} {255:#b}', f'{-42:+d} {42: d}', f'{1234567:_}')
