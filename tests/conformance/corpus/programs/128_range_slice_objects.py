s = slice(2, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(6), slice(-3, None).indices(10), slice(None, None, -1).indices(4), slice(0, 100, 3).indices(10))
data = list(range(12))
print(data[s], data[slice(-3, None)], 'abcdef'[slice(None, None, 2)])
ranges = {'head': slice(0, 3), 'tail': slice(-3, None), 'odd': slice(1, None, 2)}
for name, sl in ranges.items():
    print(name, data[sl])
print(s == slice(2, 10, 2), slice(1) == slice(None, 1))
r = range(3, 30, 4)
print(r.index(15), r.count(7), r[2], r[-2], list(r[1::2]), r[1::2])
print(range(0, 3) == range(0, 3, 1), range(0, 6, 2) == range(0, 5, 2), range(5)[::-1])
print(list(range(10)[2:-2:3]), len(range(-5, 5)), bool(range(0)), bool(range(1)))
fields = 'id:4,name:10,age:3'
layout = []
pos = 0
for spec in fields.split(','):
    name, width = spec.split(':')
    layout.append((name, slice(pos, pos + int(width))))
    pos += int(width)
record = '0042Ann Smith 031'
print({name: record[sl].strip() for name, sl in layout})
try:
    r.index(4)
except ValueError as e:
    print('ValueError:', e)
[r[0], r[-1], len(r)]
