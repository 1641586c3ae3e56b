sales = [
    {'region': 'north', 'rep': 'ann', 'amount': 120.0, 'month': 1},
    {'region': 'south', 'rep': 'bob', 'amount': 75.5, 'month': 1},
    {'region': 'north', 'rep': 'cy', 'amount': 210.25, 'month': 2},
    {'region': 'east', 'rep': 'dee', 'amount': 50.0, 'month': 2},
    {'region': 'south', 'rep': 'bob', 'amount': 300.0, 'month': 3},
    {'region': 'north', 'rep': 'ann', 'amount': 99.75, 'month': 3},
]
by_region = {}
for s in sales:
    agg = by_region.setdefault(s['region'], {'count': 0, 'total': 0.0, 'reps': set()})
    agg['count'] += 1
    agg['total'] += s['amount']
    agg['reps'].add(s['rep'])
for region in sorted(by_region):
    agg = by_region[region]
    print(f"{region:<6} n={agg['count']} total={agg['total']:>8.2f} avg={agg['total'] / agg['count']:.2f} reps={sorted(agg['reps'])}")
by_rep_month = {}
for s in sales:
    months = by_rep_month.setdefault(s['rep'], {})
    months[s['month']] = months.get(s['month'], 0) + s['amount']
print(by_rep_month)
best = max(sales, key=lambda s: s['amount'])
print('best sale:', best['rep'], best['amount'])
monthly = [sum(s['amount'] for s in sales if s['month'] == m) for m in range(1, 4)]
print(monthly)
summary = {r: round(a['total'], 2) for r, a in sorted(by_region.items(), key=lambda kv: -kv[1]['total'])}
print(summary)
summary
