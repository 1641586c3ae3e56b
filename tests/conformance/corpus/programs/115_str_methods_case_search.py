s = 'Hello, World! hello again'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), 'ß'.casefold())
print('hello world'.title(), "they're bill's".title(), 'ABC def'.capitalize())
print(s.count('hello'), s.lower().count('hello'), s.count('l', 5), s.count(''))
print(s.find('World'), s.find('xyz'), s.rfind('l'), s.index('o'), s.rindex('o'), s.find('o', 5, 10))
print(s.startswith('Hello'), s.startswith(('x', 'He')), s.endswith('again'), s.endswith('Hello', 0, 5))
try:
    s.index('zzz')
except ValueError as e:
    print('ValueError:', e)
print('abc'.isalpha(), 'abc1'.isalnum(), '123'.isdigit(), '12.3'.isdigit(), '  '.isspace(), ''.isspace())
print('Title Case'.istitle(), 'lower'.islower(), 'UPPER1'.isupper(), '½'.isnumeric(), '²'.isdigit(), '²'.isdecimal())
print('snake_case_id'.isidentifier(), '2bad'.isidentifier(), 'abc'.isascii(), 'é'.isascii(), 'x\ty'.isprintable())
print('ÉCOLE'.lower(), 'straße'.upper(), 'ǅ'.lower(), 'İ'.lower() == 'i̇')
'MiXeD'.swapcase()
