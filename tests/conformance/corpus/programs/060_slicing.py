s = 'abcdefghij'
l = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[-2:2:-2])
print(l[2:8:2], l[8:2:-2], l[::-3], l[100:], l[-100:2], l[5:5], l[7:3])
print(s[slice(1, 4)], l[slice(None, None, -4)], s[slice(3)])
t = tuple(l)
print(t[1:3], t[::-5], type(t[1:2]).__name__)
sl = slice(1, 9, 3)
print(sl.start, sl.stop, sl.step, l[sl], sl.indices(5), slice(None).indices(3))
print(s[len(s):], s[0:0], repr(s[5:2]))
b = b'bytes!'
print(b[1:4], b[0], b[-1:], b[::-1])
r = range(0, 20, 3)
print(r[1:4], r[::-1], list(r[::2]), r[-1])
nested = [[1, 2, 3], [4, 5, 6]]
print([row[1:] for row in nested], nested[-1][::-1])
copy = l[:]
copy[0] = 99
print(l[0], copy[0], copy is l)
print(s[-100:100], s[3:-3:-1], s[-1:-4:-1], l[::-1][:3])
[s[::-1], l[::4]]
