def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def islice(it, stop):
    for i, x in enumerate(it):
        if i >= stop:
            return
        yield x

def cycle(seq):
    while True:
        yield from seq

def takewhile(pred, it):
    for x in it:
        if not pred(x):
            break
        yield x

def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x

print(list(islice(count(5, 5), 4)))
print(list(islice(cycle('ab'), 5)))
print(list(takewhile(lambda x: x < 20, count(1, 7))))
print(list(pairwise([1, 4, 9, 16])))
print(list(pairwise([])))
diffs = [b - a for a, b in pairwise(x * x for x in range(6))]
print(diffs)
primes = (n for n in count(2) if all(n % d for d in range(2, int(n ** 0.5) + 1)))
print(list(islice(primes, 10)))
diffs
