nums = [1, 5, 2, 5, 3, 1, 9, 2]
uniq = {n for n in nums}
print(sorted(uniq))
mods = {n % 3 for n in nums}
print(sorted(mods), len(mods))
words = ['Apple', 'apple', 'APPLE', 'pear', 'Pear']
lowered = {w.lower() for w in words}
print(sorted(lowered))
firsts = {w[0] for w in words}
print(sorted(firsts))
grid = {(x, y) for x in range(3) for y in range(3) if (x + y) % 2 == 0}
print(sorted(grid))
print((1, 1) in grid, (0, 1) in grid)
empty = {x for x in [] if x}
print(empty, type(empty).__name__)
fs = frozenset(n * 2 for n in range(4))
print(sorted(fs), type(fs).__name__)
print(len({n % 5 for n in range(100)}))
sorted(lowered | {'kiwi'})
