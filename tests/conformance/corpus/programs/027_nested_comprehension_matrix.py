def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B))
I = [[int(i == j) for j in range(3)] for i in range(3)]
print(I)
M = [[1, 2, 3], [4, 5, 6]]
print(matmul(M, I))
print([list(r) for r in zip(*M)])
diag = [M[i][i] for i in range(min(len(M), len(M[0])))]
print(diag)
spiral = []
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
while grid:
    spiral.extend(grid.pop(0))
    grid = [list(r) for r in zip(*grid)][::-1]
print(spiral)
triangle = [[1]]
for _ in range(5):
    prev = triangle[-1]
    triangle.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
print(triangle[-1])
spiral
