# expect: ZeroDivisionError
def average(values):
    total = sum(values)
    print('total', total, 'count', len(values))
    return total / len(values)

batches = [[1, 2, 3], [10], []]
results = []
for b in batches:
    results.append(average(b))
    print('avg so far', results)
print('unreachable')
