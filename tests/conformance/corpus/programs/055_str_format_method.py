print('{} + {} = {}'.format(1, 2, 3))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} is {age}'.format(name='Cy', age=7))
print('{0[0]} {0[1]} {1[key]}'.format(['x', 'y'], {'key': 'v'}))

class P:
    def __init__(self):
        self.x, self.y = 3, 4

print('({0.x}, {0.y})'.format(P()))
print('{:>8}|{:<8}|{:^8}|{:-^8}'.format('r', 'l', 'c', 'm'))
print('{:08.3f} {:+.1e} {:,d} {:b} {:%}'.format(3.14159, 12345.678, 10**6, 10, 0.5))
print('{0:{1}}|{0:>{1}}'.format('ab', 5))
print('{!r} {!s}'.format('a', 'a'))
print('{{}} {}'.format('braces'))
row = '{:<6}{:>6}{:>8}'
print(row.format('item', 'qty', 'price'))
for item, q, p in [('pen', 2, 1.5), ('book', 1, 12.99)]:
    print(row.format(item, q, format(p, '.2f')))
data = {'user': 'ann', 'n': 3}
print('{user} has {n} msgs'.format(**data))
print('{user}'.format_map(data))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{missing}'.format(a=1)
except KeyError as e:
    print('KeyError:', e)
format(1234.5, ',.1f')
