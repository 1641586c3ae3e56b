import sys

# Lower the recursion limit to make runaway recursion fail fast, then restore it.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

old = sys.getrecursionlimit()
sys.setrecursionlimit(400)
print(sys.getrecursionlimit())
print(depth(100))
try:
    depth(5000)
except RecursionError as e:
    print('RecursionError:', e)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old, depth(200))
for bad in (0, -5, 'x'):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
depth(100)
