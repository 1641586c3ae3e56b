# expect: ValueError
from graphlib import TopologicalSorter

ts = TopologicalSorter({'b': ['a']})
ts.prepare()
print(ts.get_ready())
try:
    ts.prepare()
except ValueError as e:
    print('ValueError:', e)
try:
    ts.add('z', 'a')
except ValueError as e:
    print('ValueError:', e)
ts.done('a')
print(ts.get_ready(), ts.is_active(), bool(ts))
ts.done('zzz')
