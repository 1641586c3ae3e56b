def gen_with_return():
    yield 1
    return 'finished'

g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)

def leaky():
    yield 1
    next(iter([]))
    yield 2

try:
    list(leaky())
except RuntimeError as e:
    print('RuntimeError:', e)

def manual_iter():
    it = iter([10, 20])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return 'drained'

print(list(manual_iter()))
m = manual_iter()
collected = []
while True:
    try:
        collected.append(next(m))
    except StopIteration as stop:
        collected.append(stop.value)
        break
print(collected)

def empty():
    return 5
    yield

try:
    next(empty())
except StopIteration as e:
    print(e.value)
collected
