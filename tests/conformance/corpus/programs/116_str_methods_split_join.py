line = '  alpha, beta,,gamma ,  '
print(line.split(','), line.split(',', 1), line.rsplit(',', 2))
print('a b  c\td\ne'.split(), '  lead trail  '.split(), ''.split(), ''.split(','))
print('a-b-c'.split('-', maxsplit=1), 'a-b-c'.rsplit('-', maxsplit=1), 'a  b'.split(' '))
print([p.strip() for p in line.split(',') if p.strip()])
print('line1\nline2\r\nline3\n'.splitlines(), 'x\ny\n'.splitlines(keepends=True), ''.splitlines())
print('key=value=more'.partition('='), 'noeq'.partition('='), 'a.b.c'.rpartition('.'), 'abc'.rpartition('x'))
print('-'.join(['a', 'b', 'c']), ''.join(reversed('abc')), ', '.join(str(i) for i in range(3)), '|'.join('xyz'))
print('  pad  '.strip(), '  pad  '.lstrip(), '  pad  '.rstrip() + '|', 'xxhixx'.strip('x'), '<<a>>'.strip('<>'))
print('www.example.com'.strip('cmowz.'), 'prefix_name'.removeprefix('prefix_'), 'file.txt'.removesuffix('.txt'), 'x'.removeprefix('y'))
csv = 'name,age\nann,30\nbob,25'
rows = [r.split(',') for r in csv.splitlines()]
header, *body = rows
records = [dict(zip(header, r)) for r in body]
print(records)
try:
    'a,b'.split('')
except ValueError as e:
    print('ValueError:', e)
records
