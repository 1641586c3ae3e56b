class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
        self.s = s

    def __repr__(self):
        return f'V{self.s}'

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __hash__(self):
        return hash(self.parts)

vs = [Version(s) for s in ['1.10', '1.2', '1.2.0', '0.9', '2.0', '1.2']]
print(sorted(vs))
print(max(vs), min(vs), sorted(vs, reverse=True)[:2])
print(Version('1.2') == Version('1.2'), Version('1.2') < Version('1.10'), Version('2.0') > Version('1.0'))
print(Version('1.0') >= Version('1.0'), Version('3') <= Version('2'))
unique = set(vs)
print(len(unique), sorted(unique))
lookup = {Version('1.2'): 'two'}
print(lookup[Version('1.2')])

class Card:
    order = '23456789TJQKA'

    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __repr__(self):
        return self.rank + self.suit

    def key(self):
        return (Card.order.index(self.rank), self.suit)

hand = [Card(r, s) for r, s in ['Ks', '2h', 'Ah', 'Td', '2c']]
print(sorted(hand, key=Card.key))
print(sorted(hand, key=lambda c: c.suit))
try:
    sorted(hand)
except TypeError as e:
    print('TypeError:', e)
[v.s for v in sorted(vs)]
