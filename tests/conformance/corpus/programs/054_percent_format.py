name, n, f = 'disk', 42, 3.14159
print('%s has %d items' % (name, n))
print('%5d|%-5d|%05d|%+d|%x|%X|%o|%#x|%#o' % (n, n, n, n, n, n, n, n, n))
print('%.2f|%8.3f|%-8.1f|%e|%g|%G' % (f, f, f, f, f, 1e-10))
print('%r %s %a' % ('q', 'q', 'é'))
print('%(name)s=%(val)05.1f' % {'name': 'pi', 'val': f})
print('100%% sure, %s' % 'yes')
print('%c%c' % (72, 'i'))
print('%*d|%-*d|%.*f' % (5, 7, 4, 8, 2, f))
print('%s' % [1, 2], '%s' % (None,), '%s and %s' % ('a', ('t',)))
print('%i %u' % (3.9, -2))
print('%s' % 'single', '%d%%' % 50, '%.3s' % 'abcdef', '%5s|%-5s|' % ('r', 'l'))
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s %s' % ('only',))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s' % (1, 2))
except TypeError as e:
    print('TypeError:', e)
b = b'%s-%d' % (b'ab', 5)
print(b)
'%-6s|' % 'ab'
