class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f'below absolute zero: {value}')
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
c = Circle(2)
print(c.area)
try:
    c.area = 5
except AttributeError as e:
    print('AttributeError:', e)
class Lazy:
    def __init__(self):
        self.computed = 0
        self._cache = None
    @property
    def value(self):
        if self._cache is None:
            self.computed += 1
            self._cache = sum(range(100))
        return self._cache
    @value.deleter
    def value(self):
        self._cache = None
lz = Lazy()
print(lz.value, lz.value, lz.computed)
del lz.value
print(lz.value, lz.computed, type(Temperature.celsius).__name__)
[t.celsius, c.area, lz.computed]
