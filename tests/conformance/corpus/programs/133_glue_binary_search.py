def bsearch(arr, target):
    lo, hi = 0, len(arr) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if arr[mid] == target:
            return mid, steps
        if arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def bisect_left(arr, x):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

data = [1, 3, 3, 5, 8, 13, 21, 34, 55]
for t in [1, 3, 8, 55, 0, 4, 100]:
    print(t, bsearch(data, t), bisect_left(data, t))

def insort(arr, x):
    arr.insert(bisect_left(arr, x), x)

s = []
for v in [5, 1, 4, 1, 9, 2]:
    insort(s, v)
print(s)

def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo

print([isqrt(n) for n in [0, 1, 15, 16, 17, 10 ** 12, 2 ** 61]])
grades = [(60, 'D'), (70, 'C'), (80, 'B'), (90, 'A')]

def grade(score):
    i = bisect_left([g[0] for g in grades], score + 1) - 1
    return grades[i][1] if i >= 0 else 'F'

print([grade(s) for s in [33, 60, 69, 70, 89, 90, 100]])
s
