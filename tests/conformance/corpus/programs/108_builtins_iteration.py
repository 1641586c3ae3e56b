names = ['ann', 'bob', 'cy']
ages = [31, 25, 40, 99]
print(list(enumerate(names)), list(enumerate(names, 1)))
print(list(zip(names, ages)), list(zip()), list(zip('ab', range(5), [True, False])))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip(ages, names, strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(zip(names, ages[:3], strict=True)))
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x > 30, ages)))
print(list(reversed(names)), list(reversed(range(4))), ''.join(reversed('abc')))
it = iter(names)
print(next(it), next(it), next(it), next(it, 'done'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
print(sorted(ages, reverse=True), sorted(names, key=lambda n: -len(n)), sorted('bAcD', key=str.lower))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')]), sorted({'b': 1, 'a': 2}))
records = [{'n': 'x', 'v': 3}, {'n': 'y', 'v': 1}, {'n': 'z', 'v': 3}]
print([r['n'] for r in sorted(records, key=lambda r: r['v'], reverse=True)])
print(all([]), any([]), all([1, 'a']), any([0, '', None]))
list(zip(*[(1, 'a'), (2, 'b')]))
