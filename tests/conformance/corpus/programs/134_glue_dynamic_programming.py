def coin_change(coins, amount):
    best = [0] + [None] * amount
    for a in range(1, amount + 1):
        options = [best[a - c] for c in coins if c <= a and best[a - c] is not None]
        best[a] = min(options) + 1 if options else None
    return best[amount]

print([coin_change([1, 5, 10, 25], a) for a in [0, 7, 30, 63]], coin_change([4, 7], 5))

def lcs(a, b):
    table = [[''] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            if ca == cb:
                table[i + 1][j + 1] = table[i][j] + ca
            else:
                table[i + 1][j + 1] = max(table[i][j + 1], table[i + 1][j], key=len)
    return table[-1][-1]

print(lcs('ABCBDAB', 'BDCABA'), lcs('kitten', 'sitting'))

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

print(edit_distance('kitten', 'sitting'), edit_distance('', 'abc'), edit_distance('flaw', 'lawn'))
memo = {}

def knap(i, cap, items):
    if i == len(items) or cap == 0:
        return 0
    key = (i, cap)
    if key in memo:
        return memo[key]
    w, v = items[i]
    best = knap(i + 1, cap, items)
    if w <= cap:
        best = max(best, v + knap(i + 1, cap - w, items))
    memo[key] = best
    return best

items = [(1, 1), (3, 4), (4, 5), (5, 7)]
print(knap(0, 7, items), len(memo))
{'lcs': lcs('AGGTAB', 'GXTXAYB'), 'edit': edit_distance('sunday', 'saturday')}
