def trace(fn):
    def wrapper(*args, **kwargs):
        print(f'-> {fn.__name__}{args}')
        result = fn(*args, **kwargs)
        print(f'<- {fn.__name__} = {result!r}')
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

@trace
def greet(name, punct='!'):
    return 'hi ' + name + punct

add(2, 3)
greet('bo', punct='?')
print(add.__name__)

def double_result(fn):
    def inner(*a):
        return fn(*a) * 2
    return inner

@double_result
@double_result
def three():
    return 3

print(three())
add(10, greet('x') and 1)
