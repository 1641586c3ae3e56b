# expect: KeyError
rows = [{'id': 1, 'score': 3}, {'id': 2, 'score': 5}, {'id': 3}]
totals = {}
for r in rows:
    print('processing', r['id'])
    totals[r['id']] = r['score'] * 2
print(totals)
