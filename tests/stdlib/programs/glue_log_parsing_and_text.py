import re, json, string, textwrap
from collections import Counter
log = """2024-01-01 10:00:01 INFO user=alice action=login
2024-01-01 10:05:22 ERROR user=bob action=upload size=1024
2024-01-01 10:07:00 WARN user=alice action=upload size=99999
2024-01-02 09:00:00 ERROR user=carol action=login"""
pat = re.compile(r'^(\S+) (\S+) (\w+) (.*)$', re.M)
entries = []
for m in pat.finditer(log):
    date, time_, level, rest = m.groups()
    kv = dict(p.split('=') for p in rest.split())
    entries.append({'date': date, 'level': level, **kv})
print(len(entries), entries[1])
levels = Counter(e['level'] for e in entries)
print(levels, levels['ERROR'], levels.get('DEBUG', 0))
errors_by_user = {}
for e in entries:
    if e['level'] == 'ERROR':
        errors_by_user[e['user']] = errors_by_user.get(e['user'], 0) + 1
print(json.dumps(errors_by_user, sort_keys=True))
sizes = [int(e['size']) for e in entries if 'size' in e]
print(sizes, max(sizes), f'{sum(sizes) / len(sizes):.1f}')
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(textwrap.dedent('''
    hello
      world
''').strip())
print(string.ascii_lowercase[:5], string.punctuation[:5], string.Template('$a-$b').substitute(a=1, b=2))
print(re.fullmatch(r'\d{4}-\d{2}-\d{2}', '2024-01-01') is not None, re.match('a', 'ba'))
print(re.findall(r'(\w+)=(\w+)', 'a=1 b=2'), re.sub(r'(?i)HELLO', 'bye', 'Hello hello'))
table = [['name', 'qty'], ['apple', 3], ['kiwi', 12]]
widths = [max(len(str(r[i])) for r in table) for i in range(2)]
for row in table:
    print(' | '.join(str(c).ljust(w) for c, w in zip(row, widths)))
def parse_duration(s):
    units = {'h': 3600, 'm': 60, 's': 1}
    total = 0
    for num, unit in re.findall(r'(\d+)([hms])', s):
        total += int(num) * units[unit]
    return total
print(parse_duration('1h30m15s'), parse_duration('45s'))
data = {'users': [{'name': 'a', 'roles': ['x', 'y']}, {'name': 'b', 'roles': []}]}
flat = [(u['name'], r) for u in data['users'] for r in u['roles'] or ['none']]
print(flat)
print(json.dumps(data, indent=None, separators=(',', ':')))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e.msg, e.pos)
print(sorted(Counter('mississippi').items()), Counter('aab') + Counter('b'))
s = 'The rain in Spain'
print(s.replace('ain', 'AIN', 1), s.startswith(('The', 'A')), s.rsplit(' ', 1), s.zfill(20), s.expandtabs())
print(bytes('héllo', 'utf-8'), 'héllo'.encode('utf-8').decode('latin-1'), b'abc'.hex(), bytes.fromhex('616263'))
print(int('ff', 16), int('0b101', 0), hex(255), oct(8), bin(5), chr(65), ord('a'), ascii('é'))
