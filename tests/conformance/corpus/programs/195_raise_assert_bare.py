# expect: AssertionError
def mean(xs):
    assert xs
    return sum(xs) / len(xs)

samples = [[1, 2, 3], [4.5], []]
means = []
for s in samples:
    means.append(mean(s))
    print(means)
print('unreachable')
