print(int('42'), int(' -7 '), int(3.99), int('1010', 2), int('ff', 16), int('0o17', 0), int())
print(float('3.5'), float(' -1e3 '), float(2), float('inf'), float(), float('nan') != float('nan'))
print(str(42), str(3.0), str(None), str([1, 'a']), str(b'x'), repr(str()))
print(bool(0), bool(''), bool('0'), bool([0]), bool(None), bool(0.0), bool(-1), bool())
print(list('abc'), list((1, 2)), list({'a': 1, 'b': 2}), list(range(3)), list())
print(tuple([1, 2]), tuple('hi'), tuple(), tuple({1: 'x'}))
print(sorted(set('hello')), sorted(frozenset([3, 1, 3])), set(), frozenset())
print(dict([('a', 1), ('b', 2)]), dict(a=1, b=2), dict({'x': 1}, y=2), dict(zip('ab', [1, 2])), dict())
print(chr(65), chr(8364), ord('A'), ord('€'), [ord(c) for c in 'az'], ''.join(chr(c) for c in range(97, 102)))
print(bytes(3), bytes([65, 66]), bytes('hé', 'utf-8'), bytearray(b'ab'), bytes(bytearray(b'z')))
print(hex(255), oct(8), bin(5), hex(-1), bin(-5))
for bad, fn in [('x', int), ('1.5', int), ('abc', float), ('', float)]:
    try:
        fn(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    dict([('a', 1), ('b',)])
except ValueError as e:
    print('ValueError:', e)
[int('7'), float('7'), str(7)]
