import functools

# Read fixed-size chunks from a "stream" until it is exhausted, with the two-argument iter().
class Stream:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def read(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk


s = Stream('abcdefghij')
chunks = list(iter(functools.partial(s.read, 3), ''))
print(chunks)
lines = iter(['header', 'a=1', 'b=2', '', 'body'])
settings = [line for line in iter(lambda: next(lines), '')]
print(settings, next(lines))
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


it = iter(tick, 5)
print(type(it).__name__, next(it), list(it), next(it, 'done'))
it2 = iter(tick, 7)
print(iter(it2) is it2, [x * 10 for x in it2])
try:
    iter(5, 0)
except TypeError as e:
    print('TypeError:', e)
try:
    iter([1], 0)
except TypeError as e:
    print('TypeError:', e)
chunks
