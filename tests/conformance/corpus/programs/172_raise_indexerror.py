# expect: IndexError
rows = [['a', 1], ['b', 2], ['c']]

def second(row):
    return row[1]

out = []
for r in rows:
    value = second(r)
    out.append(value)
    print('ok', out)
print('unreachable')
