class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0

    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.fn(*args, **kwargs)

@CountCalls
def square(x):
    return x * x

print([square(i) for i in range(4)])
print(square.count)

def add_greeting(cls):
    def greet(self):
        return f'Hi from {type(self).__name__} {self.name}'
    cls.greet = greet
    cls.tagged = True
    return cls

@add_greeting
class Robot:
    def __init__(self, name):
        self.name = name

r = Robot('r2')
print(r.greet(), Robot.tagged)

def method_logger(fn):
    def wrapper(self, *args):
        result = fn(self, *args)
        self.log.append((fn.__name__, args, result))
        return result
    return wrapper

class Calc:
    def __init__(self):
        self.log = []

    @method_logger
    def add(self, a, b):
        return a + b

    @method_logger
    def neg(self, a):
        return -a

c = Calc()
c.add(1, 2)
c.neg(5)
print(c.log)
(square.count, c.log)
