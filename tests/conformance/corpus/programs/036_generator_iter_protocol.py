class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

c = Countdown(3)
print(list(c), list(c))
print(sum(c), max(c), sorted(c))
g = iter(c)
print(iter(g) is g)

class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v

f = Fib(30)
print(list(f))
print(list(f))
data = [1, 2, 3, 0, 4]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
print(next(it))
a, b, *rest = Countdown(5)
print(a, b, rest)
rest
