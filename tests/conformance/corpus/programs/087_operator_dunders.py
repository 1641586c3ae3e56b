class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f'Money({self.cents / 100:.2f})'

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print('radd with', other)
        return self + other

    def __iadd__(self, other):
        print('iadd')
        self.cents += other.cents if isinstance(other, Money) else other
        return self

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(round(self.cents * k))

    __rmul__ = __mul__

    def __neg__(self):
        return Money(-self.cents)

    def __abs__(self):
        return Money(abs(self.cents))

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

a = Money(150)
b = Money(275)
print(a + b, a + 5, 5 + a, b - a, a * 3, 2 * a, -a, abs(-b))
print(sum([a, b, Money(1)]))
c = a
c += b
print(c, a, c is a)
c += 100
print(c)
print(a == Money(525), a != b, a == 525)
try:
    a + 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    a - 3
except AttributeError as e:
    print('AttributeError:', e)
(a * 1.5).cents
