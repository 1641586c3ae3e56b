import json
from datetime import date, datetime
from decimal import Decimal

raw = '{"tool": "search", "args": {"q": "caf\\u00e9", "limit": 5, "filters": [1, 2.5, null, true]}, "meta": {"ts": "2024-05-01T12:00:00"}}'
msg = json.loads(raw)
print(msg['args']['q'], type(msg['args']['filters'][1]).__name__, msg['args']['filters'])
print(json.dumps(msg))
print(json.dumps(msg, indent=2, sort_keys=True))
print(json.dumps(msg, ensure_ascii=False, separators=(',', ':')))
print(json.dumps({'b': 1, 'a': [1, {'z': None}]}, indent='\t'))
def default(o):
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')
payload = {'when': datetime(2024, 1, 2, 3, 4, 5), 'day': date(2024, 2, 29), 'price': Decimal('9.99'), 'tags': {'b', 'a'}}
print(json.dumps(payload, default=default, sort_keys=True))
try:
    json.dumps({'x': object()})
except TypeError as e:
    print('TypeError:', e)
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print('decode:', e.msg, e.lineno, e.colno, e.pos)
try:
    json.loads('')
except ValueError as e:
    print('empty:', e)
print(json.dumps([float('inf'), -0.0, 1e100, 3.0, 1/3]))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}))
print(json.loads('[1e3, -0, 12345678901234567890, "\\ud83d\\ude00"]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('  "str"  '))
print(json.dumps("tab\there \"quoted\" \u2603 </script>"))
print(json.loads('{"x": 1.5}', parse_float=Decimal), json.loads('[1, 2]', parse_int=str))
from collections import OrderedDict
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.dumps((1, 2)), json.dumps('é'), json.dumps({'k': [[]]}, indent=0))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return {'re': o.real, 'im': o.imag}
        return super().default(o)
print(json.dumps({'z': 1 + 2j}, cls=Enc))
lines = '\n'.join(json.dumps({'i': i, 'sq': i * i}) for i in range(3))
parsed = [json.loads(l) for l in lines.splitlines()]
sum(p['sq'] for p in parsed), json.dumps(parsed, separators=(',', ':'))
