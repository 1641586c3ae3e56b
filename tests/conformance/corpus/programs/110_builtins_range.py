r = range(10)
print(r, range(2, 8), range(10, 0, -3), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(len(range(0, 100, 7)), len(range(10, 0, -1)), len(range(3, 3)))
print(5 in r, 10 in r, -1 in r, 3 in range(0, 10, 3), 4 in range(0, 10, 3), 2.0 in r)
print(r[0], r[-1], r[2:5], r[::-1], r[::3], range(10, 0, -2)[1:3], list(range(20)[-3:]))
print(range(0, 10, 2).index(6), range(10).count(3), range(5) == range(0, 5, 1), range(0) == range(5, 5))
rr = range(1, 20, 4)
print(rr.start, rr.stop, rr.step, list(rr), sum(rr), max(rr), min(rr))
print(list(reversed(range(1, 4))), sorted(range(3), reverse=True))
try:
    range(1, 5, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    r[10]
except IndexError as e:
    print('IndexError:', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError:', e)
total = 0
for i in range(100, 0, -25):
    total += i
print(total)
[list(range(-5, 5, 3)), len(range(-10, 10, 3))]
