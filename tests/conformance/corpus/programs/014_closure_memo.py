def memoize(fn):
    cache = {}
    stats = {'hits': 0, 'misses': 0}

    def wrapper(*args):
        if args in cache:
            stats['hits'] += 1
        else:
            stats['misses'] += 1
            cache[args] = fn(*args)
        return cache[args]
    return wrapper, stats

def slow_fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

fib, fib_stats = memoize(slow_fib)
print(fib(30))
print(fib_stats)

def grid_paths(r, c, memo=None):
    if memo is None:
        memo = {}
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in memo:
        memo[key] = grid_paths(r - 1, c, memo) + grid_paths(r, c - 1, memo)
    return memo[key]

print(grid_paths(10, 10))
print([grid_paths(i, i) for i in range(6)])
assert fib_stats['misses'] == 31
fib_stats
