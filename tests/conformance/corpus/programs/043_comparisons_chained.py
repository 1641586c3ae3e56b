x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1.0 == True, 'a' < 'b' < 'c', [1, 2] < [1, 3] < [2])
calls = []

def v(n):
    calls.append(n)
    return n

print(v(3) < v(2) < v(10))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3))
print(calls)
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), 'abc' < 'abd', 'Z' < 'a')
print([] == [], [] is [], None is None, x is not None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in [1, 2, 3], 'ell' in 'hello', 'z' not in 'abc', 3 in {3: 'x'})
print(x == 5 != 6, not x == 6, not (x > 3 and x < 4))
try:
    print(1 < 'a')
except TypeError as e:
    print('TypeError:', e)
try:
    print([1] < (1,))
except TypeError as e:
    print('TypeError:', e)
try:
    print({1: 2} <= {1: 2})
except TypeError as e:
    print('TypeError:', e)
print(1 == 'a', [1] == (1,), None == 0, 1.0 != 1)
calls
