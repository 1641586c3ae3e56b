# expect: TypeError
rows = [('a', 1), ('b', 2), (['c'], 3)]
index = {}
for key, value in rows:
    print('indexing', key)
    if key in index:
        print('duplicate', key)
    index[key] = value
    print('size', len(index))
print(index)
