# expect: TypeError
records = [
    {'name': 'ann', 'score': 90},
    {'name': 'bob', 'score': None},
    {'name': 'cy', 'score': 75},
]
print(sorted(r['name'] for r in records))
scores = [r['score'] for r in records]
print(scores)
ranked = sorted(scores)
print(ranked)
