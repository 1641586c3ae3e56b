import re
log = """2024-05-01 12:00:01 INFO  [auth] user=alice action=login ip=10.0.0.1
2024-05-01 12:00:07 WARN  [db] slow query took 1532ms table=orders
2024-05-01 12:01:00 ERROR [auth] user=bob action=login ip=10.0.0.22 reason="bad password"
2024-05-01 12:02:30 INFO  [api] GET /v1/items?id=42 200 12ms
2024-05-01 12:02:31 ERROR [api] POST /v1/items 500 250ms"""
LINE = re.compile(r'^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>\w+)\s+\[(?P<mod>\w+)\] (?P<msg>.*)$', re.M)
for m in LINE.finditer(log):
    print(m.group('level'), m['mod'], m.start(), m.end('date'), m.span('level'))
print([m.groupdict()['time'] for m in LINE.finditer(log) if m['level'] == 'ERROR'])
kv = re.findall(r'(\w+)=("[^"]*"|\S+)', log)
print(kv)
print(re.findall(r'\d+ms', log), re.findall(r'(\d+)(ms)', log)[:2])
print(re.sub(r'ip=(\d+)\.(\d+)\.\d+\.\d+', r'ip=\1.\2.x.x', log.splitlines()[0]))
print(re.sub(r'(?P<n>\d+)ms', lambda m: f"{int(m['n']) / 1000:.3f}s", log.splitlines()[1]))
print(re.subn(r'\buser=(\w+)', lambda m: 'user=' + m.group(1).upper(), log))
print(re.split(r'\s*[,;]\s*', 'a, b;c ,d;; e'))
print(re.split(r'(\d)', 'a1b2c'), re.split(r'x', 'axbxc', maxsplit=1))
print(re.match(r'(\w+)@(\w+)\.com', 'bob@example.com').groups(), re.fullmatch(r'\d{3}', '1234'))
m = re.search(r'(?i)(?P<word>HELLO)\s+(world)?', 'say hello there')
print(m.group(0), m.group(1, 2), m.groups(default='-'), m.lastindex, m.lastgroup)
print(re.escape('a.b*c?(d)'), bool(re.search(re.escape('1+1=2'), 'is 1+1=2?')))
tokens = re.findall(r'\d+\.\d+|\d+|[a-zA-Z_]\w*|\S', 'x1 = 3.14 * (y + 42)')
print(tokens)
pat = re.compile(r'''
    (?P<key>[a-z]+)   # key
    \s*:\s*
    (?P<val>[^,]+)    # value
''', re.VERBOSE)
print([(m['key'], m['val'].strip()) for m in pat.finditer('name: Ann , age:31,city :  Oslo')])
print(re.sub(r'\s+', ' ', '  lots   of\n\t space  ').strip(), re.sub('a', 'b', 'aaa', count=2))
print(re.findall(r'^\s*-\s+(.+)$', '- one\n  - two\nthree\n-   four', flags=re.MULTILINE))
print(re.sub(r'(\w+) (\w+)', r'\g<2> \g<1>', 'hello world foo bar'), re.sub(r'x*', '-', 'abxd'))
print(re.findall(r'(?<=\$)\d+(?:\.\d\d)?', 'cost $12.50 or $7'), re.findall(r'\b\w+(?=ing\b)', 'running jumping sing'))
print(re.compile(r'\d').pattern, re.compile('a', re.I).flags & re.I != 0, re.purge() is None)
try:
    re.compile(r'(unclosed')
except re.error as e:
    print('re.error caught')
slug = re.sub(r'[^a-z0-9]+', '-', 'Hello, World! Ça va?'.lower()).strip('-')
slug
