class Counter:
    total = 0
    shared_list = []

    def __init__(self, name):
        self.name = name
        self.own_list = []
        Counter.total += 1

    def add(self, x):
        self.shared_list.append(x)
        self.own_list.append(x)

a = Counter('a')
b = Counter('b')
a.add(1)
b.add(2)
print(Counter.total, a.total, b.total)
print(a.shared_list, b.shared_list, a.own_list, b.own_list)
a.total = 100
print(a.total, b.total, Counter.total)
del a.total
print(a.total)

class Config:
    debug = False
    level = 'info'

    def enable(self):
        self.debug = True

c1, c2 = Config(), Config()
c1.enable()
print(c1.debug, c2.debug, Config.debug)
Config.level = 'warn'
print(c1.level, c2.level)

class Sub(Config):
    level = 'error'

print(Sub().level, Sub.debug, Config.level)
print(getattr(Sub, 'level'), hasattr(Sub, 'enable'), hasattr(Sub(), 'missing'))
setattr(Config, 'new_attr', 42)
print(Sub.new_attr)

def method(self):
    return 'patched ' + self.level

Config.describe = method
print(Sub().describe(), c1.describe())
[Counter.total, a.total]
