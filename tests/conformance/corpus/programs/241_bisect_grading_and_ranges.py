import bisect

# Grade scores against breakpoints, and keep a sorted index of timestamps.
def grade(score, breakpoints=(60, 70, 80, 90), grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]

print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100)])

stamps = []
for t in [105, 99, 130, 101, 120, 99]:
    bisect.insort(stamps, t)
print('stamps:', stamps)
lo = bisect.bisect_left(stamps, 100)
hi = bisect.bisect_right(stamps, 120)
print('in [100, 120]:', stamps[lo:hi])
print(bisect.bisect_left(stamps, 99), bisect.bisect_right(stamps, 99), bisect.bisect(stamps, 1000))
print(bisect.bisect_left(stamps, 120, 0, 3), bisect.bisect_right(stamps, 99, lo=3))
bisect.insort_left(stamps, 99)
bisect.insort_right(stamps, 200, lo=2)
print(stamps)

rows = [('alice', 31), ('bob', 25), ('carol', 40)]
rows.sort(key=lambda r: r[1])
ages = [r[1] for r in rows]
i = bisect.bisect_left(rows, 30, key=lambda r: r[1])
print('first at least 30:', rows[i], i == bisect.bisect_left(ages, 30))
bisect.insort(rows, ('dave', 33), key=lambda r: r[1])
print(rows)
try:
    bisect.bisect([1, 2], 1, lo=-1)
except ValueError as e:
    print('ValueError:', e)
ages
