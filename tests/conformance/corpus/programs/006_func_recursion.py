def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def fib_rec(n):
    return n if n < 2 else fib_rec(n - 1) + fib_rec(n - 2)

print([fact(i) for i in range(8)])
print([fib(i) for i in range(12)])
assert all(fib(i) == fib_rec(i) for i in range(15))
print(fact(25))

def flatten(items):
    out = []
    for it in items:
        if isinstance(it, (list, tuple)):
            out.extend(flatten(it))
        else:
            out.append(it)
    return out

nested = [1, [2, [3, (4, 5)], []], [[[6]]]]
print(flatten(nested))
moves = []

def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)

hanoi(3, 'A', 'C', 'B')
print(len(moves), moves[:3])

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3))
{'fact10': fact(10), 'moves': len(moves)}
