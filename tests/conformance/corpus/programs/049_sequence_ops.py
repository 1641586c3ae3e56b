s = 'hello'
t = (1, 2, 3)
l = [4, 5]
print(s + ' world', s * 2, s * 0, s * -1, 'x' * 3)
print(t + (4,), t * 2, l * 2, [0] * 5, 3 * 'ab')
print(s[0], s[-1], s[1:3], t[-2], l[-1])
print('ell' in s, 'xyz' not in s, 2 in t, [4] in [l, [1]])
print(len(s), len(t), len(l), len(''), len(()))
print(s.index('l'), t.index(3), t.count(2), s.count('l'))
print(min(s), max(t), sorted(s), list(reversed(t)))
print([1, 2] + [3], (1,) + (), 'a' 'b' 'c')
print([[]] * 3, [[1]] * 2)
rows = [[0] * 2] * 2
rows[0][0] = 9
print(rows)
print(s == 'hello', t == (1, 2, 3), t == [1, 2, 3], l != [4, 5])
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError:', e)
try:
    t[5]
except IndexError as e:
    print('IndexError:', e)
rows
