def classify(value):
    match value:
        case int() | float() as num if num < 0:
            return 'negative'
        case 0 | 0.0:
            return 'zero'
        case bool():
            return 'bool'
        case int(n) if n % 2 == 0:
            return 'even int'
        case int():
            return 'odd int'
        case float(f) if f.is_integer():
            return 'whole float'
        case float():
            return 'fraction'
        case (str() | bytes()) as text if len(text) > 3:
            return 'long text'
        case str() | bytes():
            return 'short text'
        case [int() as a, int() as b] as pair:
            return f'int pair {pair} sum {a + b}'
        case {'k': [1, *_] as lst}:
            return f'list starting with 1: {lst}'
        case _:
            return 'other'

vals = [-3, 0, 0.0, 4, 7, True, False, 2.0, 2.5, 'abcd', b'ab', [1, 2], (3, 4), [1, 'x'], {'k': [1, 9]}, {'k': (2,)}, None]
for v in vals:
    print(repr(v), '->', classify(v))
[classify(v) for v in vals[:4]]
