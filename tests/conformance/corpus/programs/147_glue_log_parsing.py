log = """2024-01-01 10:00:01 INFO  user=ann action=login ip=10.0.0.1
2024-01-01 10:00:05 WARN  user=bob action=login ip=10.0.0.2 attempts=3
2024-01-01 10:01:00 ERROR user=ann action=upload size=1048576 reason="disk full"
2024-01-01 10:02:30 INFO  user=cy action=logout
malformed line here
2024-01-01 10:03:00 INFO  user=ann action=logout"""

def parse_line(line):
    parts = line.split(None, 3)
    if len(parts) < 4 or parts[2] not in ('INFO', 'WARN', 'ERROR'):
        return None
    date, time, level, rest = parts
    fields = {}
    i = 0
    while i < len(rest):
        if rest[i] == ' ':
            i += 1
            continue
        eq = rest.index('=', i)
        key = rest[i:eq]
        if rest[eq + 1] == '"':
            end = rest.index('"', eq + 2)
            fields[key] = rest[eq + 2:end]
            i = end + 1
        else:
            end = rest.find(' ', eq)
            end = len(rest) if end == -1 else end
            fields[key] = rest[eq + 1:end]
            i = end
    return {'ts': f'{date}T{time}', 'level': level, **fields}

entries = [e for e in map(parse_line, log.splitlines()) if e]
print(len(entries))
for e in entries:
    print(e)
levels = {}
for e in entries:
    levels[e['level']] = levels.get(e['level'], 0) + 1
print(levels)

def parse_qs(qs):
    out = {}
    for pair in qs.split('&'):
        if not pair:
            continue
        k, _, v = pair.partition('=')
        out.setdefault(k, []).append(v.replace('+', ' '))
    return out

print(parse_qs('a=1&b=two+words&a=3&&flag'))
sessions = {}
for e in entries:
    if e.get('action') in ('login', 'logout'):
        sessions.setdefault(e['user'], []).append(e['action'])
sessions
