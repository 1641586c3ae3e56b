def read_lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line

def non_blank(pairs):
    for n, line in pairs:
        if (s := line.strip()) and not s.startswith('#'):
            yield n, s

def parse(pairs):
    for n, s in pairs:
        key, sep, value = s.partition('=')
        if not sep:
            yield n, ('error', f'line {n}: missing "="')
            continue
        yield n, ('ok', (key.strip().lower(), value.strip()))

CONFIG = """
# comment
Name = demo
PORT=8080
  debug =  true
broken line
timeout= 2.5

empty=
"""
results = list(parse(non_blank(read_lines(CONFIG))))
for n, (status, payload) in results:
    print(f'{n:>2} {status:<5} {payload}')
cfg = dict(p for _, (s, p) in results if s == 'ok')
print(cfg)
def coerce(v):
    for conv in (int, float):
        try:
            return conv(v)
        except ValueError:
            pass
    return {'true': True, 'false': False}.get(v.lower(), v)
typed = {k: coerce(v) for k, v in cfg.items()}
print(typed, [type(v).__name__ for v in typed.values()])

def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        count += 1
        avg = total / count
    return (count, avg)

g = averager()
next(g)
for v in [10, 20, 60]:
    print('avg', g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print('done', e.value)

def delegate():
    r = yield from averager()
    print('inner returned', r)
    yield 'tail'
d = delegate()
next(d); d.send(4); d.send(8)
print(d.send(None))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
gen = fib()
first = [next(gen) for _ in range(12)]
print(first)
evens = (x for x in first if x % 2 == 0)
print(sum(evens), list(evens))
def closing_gen():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
cg = closing_gen()
print(next(cg))
cg.close()
print(list(zip(*[iter(range(7))] * 3)))
[(k, typed[k]) for k in sorted(typed)]
