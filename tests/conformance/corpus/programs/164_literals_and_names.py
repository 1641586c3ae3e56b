print(0x_ff, 0xFF, 0o777, 0b1010_1010, 1_000_000, 1e3, 1E-2, .5, 5., 0.000_001, 2j, 1.5J)
print('single', "double", '''triple 'quoted' ''', """also "triple" """, 'con' 'cat' "enated")
print(r'raw \n stays', rb'raw\bytes', b'\x41\x42', br'\d+', 'tab:\t|', 'nul:\0|'.replace('\0', '0'))
print('\u00e9\N{GREEK SMALL LETTER ALPHA}\U0001F600' == 'é' + 'α' + '😀', len('\U0001F600'))
name = 'x'
print(f'{name}' f'-{name!r}-' 'plain' rf'\{name}', fr'{name}\t')
print('''line one
line two''', 'a\
b')
café = 'crème'
Δ = 0.5
print(café, Δ * 2)
match = {'case': 1}
case = 'value'
_ = 'underscore'
type_ = type(match).__name__
print(match['case'], case, _, type_)
print(True + 0, None is None, ..., Ellipsis is ..., NotImplemented is NotImplemented)
print([1, 2, 3,], (1,), {'a': 1,}, {1, 2,})
x = 1; y = 2; z = x + y
if z > 2: print('one-liner if', z)
for i in range(2): print('one-liner for', i)
while x < 3: x += 1
print(x, y, z)
a = b = []
a.append(1)
print(a, b, a is b)
x, y
