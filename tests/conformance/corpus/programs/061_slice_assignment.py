l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[:0] = [-2, -1]
print(l)
l[len(l):] = [100]
print(l)
l[::2] = ['E'] * len(l[::2])
print(l)
del l[1::2]
print(l)
l[1:3] = []
print(l)
m = [0, 1, 2, 3, 4, 5]
m[1:5:2] = ('x', 'y')
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print('ValueError:', e)
m[2:2] = 'str'
print(m)
m[:] = range(3)
print(m)
n = [1, 2, 3]
alias = n
n[:] = [9]
print(alias)
del n[:]
print(alias, n)
ba = bytearray(b'hello')
ba[1:3] = b'EL'
ba[-1:] = b'O!'
print(ba)
m
