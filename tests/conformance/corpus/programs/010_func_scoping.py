x = 'global'

def outer():
    x = 'enclosing'

    def inner():
        return x
    return inner()

def shadow():
    len = lambda s: 42
    return len('abc')

print(outer(), x)
print(shadow(), len('abc'))

def uses_global():
    return x.upper()

print(uses_global())

def local_only():
    y = 1

    def nested():
        z = y + 1
        return z
    return nested() + y

print(local_only())

def param_shadow(x):
    return x * 2

print(param_shadow(4), x)

def loop_var():
    for i in range(3):
        pass
    return i

print(loop_var())

def comp_scope():
    i = 'outer'
    vals = [i for i in range(3)]
    return i, vals

print(comp_scope())
[outer(), shadow(), loop_var()]
