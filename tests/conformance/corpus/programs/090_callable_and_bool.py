class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *rest):
        return [v * self.k for v in (x,) + rest] if rest else x * self.k

triple = Multiplier(3)
print(triple(4), triple(1, 2, 3), callable(triple), callable(Multiplier))
print(list(map(triple, [1, 2])), sorted([3, 1, 2], key=Multiplier(-1)))

class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n

tick = Counter()
for _ in range(3):
    tick()
print(tick.n)

class Empty:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

print(bool(Empty([])), bool(Empty([0])), bool(Flag(True)), bool(Flag(False)))
print('yes' if Empty([]) else 'no', not Flag(False), Flag(False) or 'fallback')

class Plain:
    pass

print(bool(Plain()))
values = [Empty([1]), Flag(False), 0, 'x']
print([bool(v) for v in values], sum(1 for v in values if v))

class BadBool:
    def __bool__(self):
        return 1

try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
triple(7)
