def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'

print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
print(greet(greeting='Yo', name='Di'))

def append_to(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

a = append_to(1)
b = append_to(2)
print(a, b)
assert a == [1] and b == [2]

def shared(item, bucket=[]):
    bucket.append(item)
    return bucket

shared(1)
shared(2)
r = shared(3)
print(r)
assert r == [1, 2, 3]

counter = 10

def snapshot(x=counter):
    return x

counter = 20
print(snapshot(), snapshot(5), counter)

def expensive_default(n, table={}):
    if n not in table:
        print('computing', n)
        table[n] = n * n
    return table[n]

print(expensive_default(3), expensive_default(3), expensive_default(4))
[greet('Eve'), snapshot(), len(r)]
