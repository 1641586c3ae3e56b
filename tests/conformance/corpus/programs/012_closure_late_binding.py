def make_multipliers():
    return [lambda x: x * i for i in range(4)]

print([m(2) for m in make_multipliers()])

def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]

print([m(2) for m in make_multipliers_fixed()])

def make_adders():
    adders = []
    for n in range(3):
        def adder(x, n=n):
            return x + n
        adders.append(adder)
    return adders

print([f(10) for f in make_adders()])

def outer():
    val = 1

    def get():
        return val
    val = 2
    return get

print(outer()())

def cell_shared():
    data = {'n': 0}

    def bump():
        data['n'] += 1

    def read():
        return data['n']
    return bump, read

bump, read = cell_shared()
bump()
bump()
print(read())

def factory(prefix):
    def fmt(s):
        return prefix + s
    return fmt

fs = {p: factory(p) for p in ['<', '>>']}
print(fs['<']('a'), fs['>>']('b'))
read()
