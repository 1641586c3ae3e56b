class OnlyIter:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        print('iterating')
        return iter(self.items)

class SeqLike:
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v

o = OnlyIter(1, 2, 3)
print(2 in o, 5 in o)
s = SeqLike('abc')
print(list(reversed(s)), bool(SeqLike('')), 'b' in s, list(s), len(s))
print([10, 20, 30, 40][Idx(2)], 'hello'[Idx(1):Idx(3)], list(range(Idx(3))), bin(Idx(5)), hex(Idx(255)))
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly(1) in [EqOnly(0), EqOnly(1)])
try:
    hash(EqOnly(1))
except TypeError as e:
    print('TypeError:', e)

class NoHash:
    __hash__ = None

try:
    {NoHash(): 1}
except TypeError as e:
    print('TypeError:', e)
print(sorted(OnlyIter(3, 1, 2)), max(SeqLike([4, 9, 2])), sum(OnlyIter(1, 2)))
list(zip(OnlyIter('x', 'y'), SeqLike([1, 2])))
