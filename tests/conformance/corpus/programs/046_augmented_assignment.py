n = 10
n += 5
n -= 3
n *= 4
n /= 6
print(n)
n = 17
n //= 4
n %= 3
n **= 5
print(n)
s = 'ab'
s += 'cd'
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst = lst + [4]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
d = {'a': [1]}
d['a'] += [2]
d.setdefault('b', 0)
d['b'] += 10
print(d)

class Box:
    def __init__(self):
        self.v = 1
        self.items = []

b = Box()
b.v += 41
b.items += ['x']
print(b.v, b.items)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
print(grid)
counter = {}
for ch in 'banana':
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
st = {1}
st |= {2}
st &= {2, 3}
st ^= {9}
print(sorted(st))
[n, s, d]
