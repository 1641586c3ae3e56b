records = [
    {'name': 'alice', 'dept': 'eng', 'salary': 120000, 'start': '2019-03-01', 'tags': ['lead', 'backend']},
    {'name': 'bob', 'dept': 'eng', 'salary': 95000.5, 'start': '2021-07-15', 'tags': ['frontend']},
    {'name': 'carol', 'dept': 'sales', 'salary': 70000, 'start': '2018-01-20', 'tags': []},
    {'name': 'dave', 'dept': 'sales', 'salary': 82000, 'start': '2020-11-02', 'tags': ['emea', 'lead']},
    {'name': 'eve', 'dept': 'ops', 'salary': None, 'start': '2022-02-28', 'tags': ['oncall']},
]
by_dept = {}
for r in records:
    by_dept.setdefault(r['dept'], []).append(r)
print(f"{'dept':<8}|{'n':>3}|{'total':>12}|{'avg':>10}")
print('-' * 36)
for dept, rows in sorted(by_dept.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    sal = [r['salary'] for r in rows if r['salary'] is not None]
    total = sum(sal)
    avg = total / len(sal) if sal else float('nan')
    print(f'{dept:<8}|{len(rows):>3}|{total:>12,.2f}|{avg:>10.1f}')
leads = sorted((r['name'] for r in records if 'lead' in r['tags']), reverse=True)
print('leads:', ', '.join(leads))
oldest = min(records, key=lambda r: tuple(int(p) for p in r['start'].split('-')))
print('oldest:', oldest['name'], oldest['start'])
tag_counts = {}
for r in records:
    for t in r['tags']:
        tag_counts[t] = tag_counts.get(t, 0) + 1
print(sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0])))
print('{:>6.1%} have tags'.format(sum(1 for r in records if r['tags']) / len(records)))
print('%-6s %5d %8.2f' % ('x', 42, 3.14159))
print('%(name)s earns %(salary)08.1f' % records[1])
print('%r %s %a' % ('héllo', b'x', 'é'))
print(f'{123456789:_} {255:#x} {255:#o} {5:#b} {-3.5:+.2e} {0.000123:g} {1e20:g}')
print(f'{"mid":^11}|{"r":*>5}|{7:03d}|{-7:05d}|{3.0:.0f}|{2.5:.0f}|{3.5:.0f}')
print(f"{'x'!r:>6}{'é'!a}")
summary = {d: round(sum(r['salary'] or 0 for r in rs) / len(rs), 2) for d, rs in by_dept.items()}
summary
