log = []

def src(n):
    for i in range(n):
        log.append(f'yield {i}')
        yield i

g = (x * 10 for x in src(3))
print(log)
print(next(g))
print(log)
rest = list(g)
print(rest, log)
log.clear()
found = any(x > 0 for x in src(10))
print(found, log)
log.clear()
pairs = zip((x for x in src(5)), 'ab')
print(list(pairs), log)
gen = (i for i in range(3))
print(list(gen), list(gen))
sq = (i * i for i in range(4))
print(3 in (x for x in range(5)), 9 in sq, list(sq))
log
