order = []

def tag(name):
    order.append(f'make {name}')

    def deco(fn):
        order.append(f'apply {name}')

        def wrapper(*a):
            return f'<{name}>' + fn(*a) + f'</{name}>'
        return wrapper
    return deco

@tag('b')
@tag('i')
@tag('u')
def text(s):
    return s

print(order)
print(text('hi'))
registry = []

def register(fn):
    registry.append(fn.__name__)
    return fn

def uppercase(fn):
    def w(*a):
        return fn(*a).upper()
    return w

@register
@uppercase
def hello(n):
    return 'hello ' + n

print(registry, hello('z'))
text('x')
