d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 100), d)
print(d.pop('b'), d.pop('zz', 'default'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError:', e)
d.update({'x': 9}, y=8)
d.update([('z', 7)])
print(d)
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print('KeyError:', e)
print(dict.fromkeys('abc'), dict.fromkeys(['x', 'y'], 0), {}.fromkeys(range(3), []))
m = {'a': 1, 'b': 2} | {'b': 20, 'c': 30}
print(m)
m |= {'d': 4}
print(m, len(m), 'b' in m, 2 in m, list(m), list(reversed(m)))
c = m.copy()
c['a'] = 'changed'
print(m['a'], c['a'])
print(sorted(m.items(), key=lambda kv: kv[1], reverse=True))
m.clear()
print(m, bool(m))
nested = {'k': {'inner': [1]}}
shallow = nested.copy()
shallow['k']['inner'].append(2)
print(nested)
print({1: 'a', 1.0: 'b', True: 'c'})
d2 = {'z': 1, 'a': 2}
d2['m'] = 3
del d2['z']
d2['z'] = 4
print(d2, list(d2.keys()))
{'a': 1} == {'a': 1.0}
