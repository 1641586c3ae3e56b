def countdown(n):
    print('start')
    while n > 0:
        yield n
        n -= 1
    print('done')

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(next(g, 'exhausted'))

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

first = []
for v in fib_gen():
    if v > 50:
        break
    first.append(v)
print(first)

def take(n, it):
    it = iter(it)
    return [next(it) for _ in range(n)]

print(take(5, fib_gen()))

def evens(limit):
    yield from (n for n in range(limit) if n % 2 == 0)

print(sum(evens(11)))
try:
    g2 = countdown(1)
    next(g2)
    next(g2)
except StopIteration as e:
    print('StopIteration', e.value)
first
