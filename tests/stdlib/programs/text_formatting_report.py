import textwrap
import string
doc = """    Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod
    tempor incididunt ut labore et dolore magna aliqua.

    Ut enim ad minim veniam, quis nostrud exercitation."""
clean = textwrap.dedent(doc)
print(clean)
print(textwrap.fill(clean, width=30))
print(textwrap.wrap('a ' * 20, 9))
print(textwrap.shorten('The quick brown fox jumps over the lazy dog', width=25, placeholder=' [...]'))
print(textwrap.indent('line1\nline2\n\nline4', '> '))
print(textwrap.indent('a\n  b', '+ ', predicate=lambda l: l.startswith(' ')))
w = textwrap.TextWrapper(width=20, initial_indent='* ', subsequent_indent='  ', break_long_words=True)
print(w.fill('supercalifragilisticexpialidocious is a long word indeed'))
print(string.ascii_lowercase[:5], string.digits, string.punctuation[:6], string.capwords('hello   big world'))
t = string.Template('$who owes $$${amount} to ${whom}')
print(t.substitute(who='ann', amount='12.50', whom='bob'), t.safe_substitute(who='x'))
text = 'Straße  MIXED case\tTabs\r\nand lines\n'
print(text.casefold(), text.lower() == text.casefold(), text.splitlines(), text.splitlines(keepends=True))
print(text.expandtabs(4), repr('a\tb'.expandtabs()))
print('key: value: more'.partition(': '), 'no-sep'.partition(':'), 'a.b.c'.rpartition('.'))
tbl = str.maketrans({'a': '4', 'e': '3', 'o': None})
print('hello agent'.translate(tbl), 'abc'.translate(str.maketrans('ab', 'xy', 'c')))
print('  x '.strip(), 'xxhixx'.strip('x'), '--a--'.lstrip('-'), 'file.tar.gz'.removesuffix('.gz').removeprefix('file'))
print('Title Case Me'.swapcase(), 'hello world'.title(), "they're bill's".title(), 'ß'.upper(), 'İ'.lower().encode())
print('abc'.center(9, '*'), 'abc'.ljust(6, '.') + '|', '42'.zfill(5), '-42'.zfill(5), '+3'.zfill(4))
print('a,b,,c'.split(','), 'a b  c'.split(), ' a b '.split(' '), 'a,b,c'.rsplit(',', 1), ''.split(','), ''.split())
print('%5.1f%%' % 12.345, '%-5s|' % 'ab', '%05.1f' % -2.5, '%x %X %o %e %G' % (255, 255, 8, 12345.678, 0.00001234))
print('%s and %s' % ('a', 'b'), '%c%c' % (72, 'i'), '%3d|%-3d|' % (5, 5), '%+d % d' % (5, 5), '%.3s' % 'abcdef')
print('{0}{1}{0}'.format('ab', 'cd'), '{:,}'.format(1234567.891), '{:_.2f}'.format(1234567.891), '{:.2%}'.format(0.12345))
print('{name:>10}|{n:<4}|{f:^9.3f}|'.format(name='x', n=3, f=3.14159), '{!r:^10}'.format('q'), '{0[a]} {1.real}'.format({'a': 1}, 2j))
print(f'{1234.5:010.2f} {-1234.5:,.1f} {0.5:.0%} {1e-7:.2e} {12:>+5} {12:=+6} {3.14159:.3} {1/3:.15g}')
print(f'{"left":<{10}}|{"right":>{3 + 4}}|', f'{"nested":{"^"}{12}}', f'{10:{"x"}}', f'{255:08b}', f'{-0.0:+}')
print(f"{'a' if True else 'b'}", f'{[1, 2]!s:>8}', f'{ {"k": 1}["k"] }', f'{3 * 4 = }', f'{"x"=!r:>5}')
table = [('alpha', 1.5, 1200), ('beta', 22.25, 35), ('gamma-long-name', 0.125, 1000000)]
w0 = max(len(r[0]) for r in table)
print(f'{"name":<{w0}} {"ratio":>8} {"count":>10}')
for name, ratio, count in table:
    print(f'{name:<{w0}} {ratio:>8.3f} {count:>10,}')
print('\n'.join('|'.join(str(c).rjust(6) for c in row) for row in [[1, 22, 333], [4444, 5, 66]]))
print(str(1e16), str(1.0e15), repr(0.1 + 0.2), str(1/3), 2.5.hex() if False else round(2.675, 2), round(0.5), round(1.5), round(-2.5), format(1e-5, 'f'))
len(clean), textwrap.wrap('', 10), 'ABC'.isupper(), '12'.isdecimal(), '½'.isnumeric(), 'a1'.isalnum(), ' '.isspace(), 'Ab Cd'.istitle()
