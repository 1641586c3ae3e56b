log = []

async def fetch(key):
    log.append(f'fetch {key}')
    return {'a': 1, 'b': 2}.get(key, 0)

async def total(keys):
    s = 0
    for k in keys:
        s += await fetch(k)
    return s

async def pipeline():
    first = await total(['a', 'b'])
    second = await total(['b', 'z'])
    return first, second

def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError('coroutine did not finish')

print(run(pipeline()))
print(log)
c = fetch('q')
print(type(c).__name__)
print(run(c))

async def failing():
    raise ValueError('async boom')

try:
    run(failing())
except ValueError as e:
    print('ValueError:', e)
run(total(['a', 'a', 'b']))
