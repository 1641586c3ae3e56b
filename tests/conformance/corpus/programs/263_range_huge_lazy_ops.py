import sys

# Ranges are lazy: indexing, membership, slicing, count and index of huge ranges are O(1).
big = range(sys.maxsize)
print(big[-1], big[10**12], 10**15 in big, -1 in big, bool(big), big.index(10**18))
r = range(0, 10**18, 7)
print(r[3], r[-1], r.index(21), r.count(14), 15 in r, r.start, r.stop, r.step)
s = big[::2]
print(s[1], s == range(0, sys.maxsize, 2), bool(range(5, 5)), s[-1])
print(range(10**15)[10**14:10**14 + 3], list(range(10**15)[-3:]), len(range(10**15)[-3:]))
print(list(reversed(range(10**12, 10**12 + 3))), len(range(10**6, 0, -3)))
total = 0
for i in range(10**17, 10**17 + 5):
    total += i % 10
print(total, sum(range(10**6)), max(range(10**6)))
try:
    big.index(-5)
except ValueError as e:
    print('ValueError:', e)
big[5]
