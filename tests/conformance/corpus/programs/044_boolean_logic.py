print(0 or 'default', '' or [] or None, 'a' or 'b', 0 and 1, 2 and 3, None and 1 / 0)
print(not 0, not [], not [0], not '', not ' ')
values = [0, 0.0, '', [], {}, (), set(), None, False, 1, -1, 'x', [0], {0: 0}, 0j, range(0)]
print([bool(v) for v in values])
calls = []

def t(name, val):
    calls.append(name)
    return val

r = t('a', 0) or t('b', '') or t('c', 'hit') or t('d', 'never')
print(r, calls)
calls.clear()
r2 = t('a', 1) and t('b', 2) and t('c', 0) and t('d', 3)
print(r2, calls)
name = None
print(name or 'anonymous', (name or '').upper() or 'EMPTY')
config = {'debug': False}
print(config.get('debug') or config.get('verbose', 'unset'))
print(True + True, True * 10, False - 1, sum([True, False, True]))
print(True == 1, False == 0, isinstance(True, int), type(True).__name__)
x = 7
print(x > 5 and 'big' or 'small', x < 5 and 'big' or 'small')
[r, r2]
