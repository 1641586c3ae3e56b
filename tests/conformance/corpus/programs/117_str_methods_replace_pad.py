s = 'the cat sat on the mat'
print(s.replace('at', 'og'), s.replace('the', 'a', 1), s.replace('', '-')[:12], s.replace('zz', 'y'))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2))
print('ab'.center(7, '*'), 'ab'.ljust(5, '.') + '|', 'ab'.rjust(5) + '|', 'abc'.center(2), repr('a'.center(4)), repr('ab'.center(5)))
print('a\tb\tc'.expandtabs(4), 'ab\tc'.expandtabs(), len('\t'.expandtabs()))
table = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(table), 'hello'.translate(str.maketrans('', '', 'l')), 'a-b'.translate({ord('-'): '+'}))
print('hello'.translate(str.maketrans({'h': 'J', 'o': None})))
print(s.title().replace(' ', ''), '_'.join(s.split()[:3]).upper())
print('%s|%s' % ('x'.ljust(3), 'y'.rjust(3)))
word = 'level'
print(word == word[::-1], 'Racecar'.lower() == 'racecar'[::-1])
text = 'one two three two one'
print(text.count('two'), text.replace('two', '2', 1), text.split().index('three'))

def slugify(t):
    keep = ''.join(c if c.isalnum() else ' ' for c in t.lower())
    return '-'.join(keep.split())

print(slugify('  Hello, World!  Python 3.11 rocks '))
slugify('A  B--c')
