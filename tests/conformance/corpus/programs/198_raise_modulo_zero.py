# expect: ZeroDivisionError
def bucket(n, buckets):
    return n % buckets

counts = {}
for size in [3, 2, 1, 0]:
    b = bucket(17, size)
    counts[size] = b
    print(size, b)
print(counts)
