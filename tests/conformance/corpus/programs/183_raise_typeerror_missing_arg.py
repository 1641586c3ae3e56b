# expect: TypeError
def greet(greeting, name, punct='!'):
    return f'{greeting}, {name}{punct}'

print(greet('Hello', 'Ann'))
print(greet('Hi', name='Bob', punct='?'))
print(greet(*['Yo', 'Cy']))
args = ['Hey']
print('calling with', args)
print(greet(*args))
print('unreachable')
