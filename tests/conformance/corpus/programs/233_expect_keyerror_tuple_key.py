# expect: KeyError
# Grouping by a composite key, then reading a group that was never created.
rows = [('eu', 2023, 5.0), ('eu', 2024, 7.5), ('us', 2024, 1.25)]
totals = {}
for region, year, amount in rows:
    totals[(region, year)] = totals.get((region, year), 0) + amount
print(sorted(totals.items()))
print({k: f'{v:.2f}' for k, v in totals.items() if k[1] == 2024})
print(totals[('us', 2023)])
