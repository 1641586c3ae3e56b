# expect: TypeError
# Builtins called with the wrong number of arguments give CPython's own messages.
calls = {
    'repr()': lambda: repr(),
    'repr(1, 2)': lambda: repr(1, 2),
    'hash()': lambda: hash(),
    'ascii()': lambda: ascii(),
    'len()': lambda: len(),
    'getattr(1)': lambda: getattr(1),
    'setattr(1)': lambda: setattr(1),
    'hasattr(1)': lambda: hasattr(1),
    'delattr(1)': lambda: delattr(1),
    'format()': lambda: format(),
    'divmod(1)': lambda: divmod(1),
    'pow(1)': lambda: pow(1),
    'round()': lambda: round(),
    'sum()': lambda: sum(),
    'isinstance(1)': lambda: isinstance(1),
    'iter()': lambda: iter(),
    'next()': lambda: next(),
    'enumerate()': lambda: enumerate(),
    'abs(1, 2)': lambda: abs(1, 2),
    'sorted()': lambda: sorted(),
    'min()': lambda: min(),
    'chr()': lambda: chr(),
}
for text, call in calls.items():
    try:
        call()
    except TypeError as e:
        print(f'{text:14} -> {e}')
print(repr([1]), hash(1) == hash(1), format(3.14159, '.2f'), divmod(7, 2), pow(2, 5), round(2.675, 2))
getattr(object())
