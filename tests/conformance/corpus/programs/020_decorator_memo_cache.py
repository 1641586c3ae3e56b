def cached(fn):
    store = {}

    def wrapper(n):
        if n not in store:
            store[n] = fn(n)
        return store[n]
    return wrapper

calls = []

@cached
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(40))
print(len(calls), calls[:5])

@cached
def collatz_len(n):
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)

best = max(range(1, 200), key=collatz_len)
print(best, collatz_len(best))
[fib(10), best]
