data = [12, 7, 3, 21, 7, 15, 9, 7, 30, 3]

def mean(xs):
    return sum(xs) / len(xs)

def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2

def mode(xs):
    counts = {}
    for x in xs:
        counts[x] = counts.get(x, 0) + 1
    best = max(counts.values())
    return min(k for k, v in counts.items() if v == best)

def variance(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)

def percentile(xs, p):
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(s) - 1)
    return s[f] + (s[c] - s[f]) * (k - f)

print(mean(data), median(data), median(data[:-1]), mode(data))
print(round(variance(data), 4), round(variance(data) ** 0.5, 4))
print([percentile(data, p) for p in (0, 25, 50, 90, 100)])

def histogram(xs, bins=4):
    lo, hi = min(xs), max(xs)
    width = (hi - lo) / bins
    counts = [0] * bins
    for x in xs:
        i = min(int((x - lo) / width), bins - 1)
        counts[i] += 1
    return [(round(lo + i * width, 2), c) for i, c in enumerate(counts)]

for start, count in histogram(data):
    print(f'{start:>6.2f} | {"#" * count}')

def zscores(xs):
    m, sd = mean(xs), variance(xs) ** 0.5
    return [round((x - m) / sd, 2) for x in xs]

print(zscores(data))
{'mean': mean(data), 'median': median(data)}
