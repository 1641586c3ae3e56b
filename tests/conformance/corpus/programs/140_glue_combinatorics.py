def permutations(items):
    if len(items) <= 1:
        return [list(items)]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out

def combinations(items, k):
    if k == 0:
        return [[]]
    if len(items) < k:
        return []
    first, rest = items[0], items[1:]
    return [[first] + c for c in combinations(rest, k - 1)] + combinations(rest, k)

def subsets(items):
    result = [[]]
    for x in items:
        result += [s + [x] for s in result]
    return result

print(permutations([1, 2, 3]))
print([''.join(p) for p in permutations(list('abc'))][-2:], len(permutations(list(range(5)))))
print(combinations(['a', 'b', 'c', 'd'], 2))
print(subsets([1, 2, 3]))

def queens(n):
    solutions = []
    def place(row, cols, d1, d2, acc):
        if row == n:
            solutions.append(acc)
            return
        for c in range(n):
            if c in cols or row - c in d1 or row + c in d2:
                continue
            place(row + 1, cols | {c}, d1 | {row - c}, d2 | {row + c}, acc + [c])
    place(0, frozenset(), frozenset(), frozenset(), [])
    return solutions

print(len(queens(6)), queens(6)[0], len(queens(5)))

def power_set_gen(items):
    if not items:
        yield ()
        return
    for rest in power_set_gen(items[1:]):
        yield rest
        yield (items[0],) + rest

print(sorted(power_set_gen('xyz')))
len(subsets(list(range(6))))
