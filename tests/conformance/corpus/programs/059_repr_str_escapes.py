samples = ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'new\nline', 'back\\slash', '\x00\x7f', 'é ü', '\u2603', '']
for s in samples:
    print(repr(s), len(s))
print(str(b'abc'), repr(b'a\nb'), repr(b"'"), repr(b'\xff\x00'))
print(ascii('héllo'), ascii(['ü']), ascii('\u2603'))
print(repr([1, 'a', None, 2.5, (1,), {'k': [True]}]))
print(str([1, 'a']), str(('x',)), str({1: 'one'}), str(set()), str(frozenset()))
print(repr(()), repr((1,)), repr([]), repr({}), repr(''), repr(0.1), repr(-0.0))
print(repr(1e100), repr(1.5e-10), repr(123.0), repr(float('inf')), repr(10**21 * 1.0))
print('%r' % 'x', f'{"y"!r}', repr(repr('z')))
raw = r'C:\new\table'
print(raw, len(raw), repr(raw))
print('\N{BULLET}' == '\u2022', '\x41\102\u0043')
samples[:3]
