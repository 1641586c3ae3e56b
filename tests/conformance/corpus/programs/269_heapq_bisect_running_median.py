import bisect
import heapq

# Running median of a metric stream with two heaps, checked against a bisect-maintained sorted list.
stream = [5, 15, 1, 3, 8, 7, 9, 10, 20, 2, 6, 6]
low, high = [], []  # low is a max-heap (negated), high a min-heap
window = []
for x in stream:
    if not low or x <= -low[0]:
        heapq.heappush(low, -x)
    else:
        heapq.heappush(high, x)
    if len(low) > len(high) + 1:
        heapq.heappush(high, -heapq.heappop(low))
    elif len(high) > len(low):
        heapq.heappush(low, -heapq.heappop(high))
    median = -low[0] if len(low) > len(high) else (-low[0] + high[0]) / 2
    bisect.insort(window, x)
    n = len(window)
    expected = window[n // 2] if n % 2 else (window[n // 2 - 1] + window[n // 2]) / 2
    assert median == expected, (median, expected)
    print(f'{x:>3} -> median {median}')
big = heapq.nlargest(3, (i * 7919 % 10007 for i in range(50000)))
small = heapq.nsmallest(3, range(100000, 0, -3))
print(big, small)
ranks = sorted(stream)
print([bisect.bisect_left(ranks, v) for v in (1, 6, 21)])
median
