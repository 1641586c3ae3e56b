records = [('ann', (31, 'NY')), ('bob', (25, 'LA'))]
for name, (age, city) in records:
    print(f'{name}: {age} @ {city}')
for i, (name, _) in enumerate(records, start=1):
    print(i, name)
points = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*points)
print(xs, ys)
for (x1, y1), (x2, y2) in zip(points, points[1:]):
    print('segment', x1, y1, '->', x2, y2)
matrix = [[1, 2, 3], [4, 5, 6]]
for first, *middle, last in matrix:
    print(first, middle, last)
data = {'a': [1, 2], 'b': [3]}
for key, (head, *tail) in data.items():
    print(key, head, tail)
head, *tail = 'single'
print(head, tail)
[[a, b], c] = [[1, 2], 3]
print(a, b, c)
obj = {}
obj['x'], obj['y'] = 10, 20
print(obj)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 'set'
print(i, lst)
(xs, ys)
