x = 'outer'
vals = [x for x in range(3)]
print(x, vals)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
y = 10
print([y + i for i in range(3)])
matrix = [[1, 2], [3, 4]]
print([[v * 10 for v in row] for row in matrix])
print([(i, j) for i in range(3) for j in range(i)])

class Config:
    names = ['a', 'b']
    upper = [n.upper() for n in names]

print(Config.upper)
result = [n for n in [n * 2 for n in range(4)] if n]
print(result)
print([w for w in (s.strip() for s in [' a ', '', ' b']) if w])

def in_function(limit):
    scale = 3
    return [scale * k for k in range(limit) if k != scale]

print(in_function(5))
result
