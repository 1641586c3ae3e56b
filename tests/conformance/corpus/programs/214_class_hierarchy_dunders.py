class Money:
    __slots__ = ('cents', 'currency')
    def __init__(self, amount, currency='USD'):
        self.cents = round(amount * 100)
        self.currency = currency
    @classmethod
    def from_cents(cls, cents, currency='USD'):
        m = cls(0, currency)
        m.cents = cents
        return m
    def __add__(self, other):
        if isinstance(other, int) and other == 0:
            return self
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f'currency mismatch: {self.currency} vs {other.currency}')
        return Money.from_cents(self.cents + other.cents, self.currency)
    __radd__ = __add__
    def __mul__(self, k):
        return Money.from_cents(round(self.cents * k), self.currency)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Money) and (self.cents, self.currency) == (other.cents, other.currency)
    def __lt__(self, other):
        return self.cents < other.cents
    def __hash__(self):
        return hash((self.cents, self.currency))
    def __repr__(self):
        return f'Money({self.cents / 100:.2f}, {self.currency!r})'
    def __str__(self):
        sign = '-' if self.cents < 0 else ''
        return f'{sign}${abs(self.cents) // 100:,}.{abs(self.cents) % 100:02d}'
    def __bool__(self):
        return self.cents != 0
    def __format__(self, spec):
        return format(str(self), spec)

prices = [Money(19.99), Money(5), Money(0.01), Money(1234.5)]
total = sum(prices)
print(total, repr(total), f'[{total:>12}]', f'[{total:<12}]')
print(sorted(prices), max(prices), min(prices))
print(3 * Money(2.5), Money(2.5) * 0.5, bool(Money(0)), bool(Money(-1)))
print(Money(1) == Money(1.0), Money(1) != Money(1, 'EUR'), len({Money(1), Money(1.0), Money(2)}))
try:
    Money(1) + Money(1, 'EUR')
except ValueError as e:
    print('error:', e)
try:
    Money(1) + 'x'
except TypeError as e:
    print('error:', e)
try:
    m = Money(1)
    m.note = 'x'
except AttributeError as e:
    print('attr:', e)

class Shape:
    registry = {}
    def __init_subclass__(cls, kind=None, **kw):
        if kind:
            Shape.registry[kind] = cls
    def area(self):
        raise NotImplementedError(type(self).__name__ + '.area')
    def __repr__(self):
        return f'{type(self).__name__}(area={self.area():.3f})'

class Rect(Shape, kind='rect'):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect, kind='square'):
    def __init__(self, s):
        super().__init__(s, s)

class Blob(Shape):
    pass

print(sorted(Shape.registry), [Shape.registry[k].__name__ for k in sorted(Shape.registry)])
print(Square(3), Rect(2, 4.5), isinstance(Square(1), Rect), issubclass(Square, Shape))
try:
    Blob().area()
except NotImplementedError as e:
    print('nie:', e)
print([c.__name__ for c in (Square, Rect, Shape, object)])
str(total)
