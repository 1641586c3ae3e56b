import json

# Pretty-print a payload in the styles tools ask for.
payload = {'name': 'monty', 'tags': ['a', 'b'], 'nested': {'ok': True, 'n': None}, 'empty': [], 'e2': {}}
print(json.dumps(payload, indent=True))
print(json.dumps(payload, indent=False))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps({'b': 1, 'a': 2}, indent='\t', sort_keys=True))
print(json.dumps({'x': [1, 2]}, indent=2, separators=(',', ': ')))
print(json.dumps({'x': 1.5, 'y': 'é'}, indent=1, ensure_ascii=False))
print(json.dumps(payload, separators=(',', ':')))
print(repr(json.dumps([], indent=4)), repr(json.dumps({}, indent=4)))
json.loads(json.dumps(payload, indent=True)) == payload
