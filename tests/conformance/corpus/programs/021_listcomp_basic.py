nums = list(range(1, 11))
squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
labels = ['even' if n % 2 == 0 else 'odd' for n in nums[:4]]
print(squares)
print(evens)
print(labels)
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [x for row in matrix for x in row if x % 2]
print(flat)
words = ['apple', 'Bob', 'cat', 'Dog']
print([w.lower() for w in words if w[0].isupper()])
multi = [x + y for x in 'ab' if x != 'c' for y in 'xy' if y != 'z']
print(multi)
print([i for i in range(20) if i % 2 if i % 3])
assert sum(squares) == 385
flat
