def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print('caught:', e)
        return None
    else:
        print('else ran')
        return result
    finally:
        print('finally ran')

print(safe_div(6, 3))
print(safe_div(1, 0))

def classify(value):
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        return f'{type(e).__name__}: {e}'

for v in ['12', 'x1', None, 3.7, [1]]:
    print(repr(v), '->', classify(v))
try:
    [][0]
except LookupError as e:
    print('LookupError family:', type(e).__name__, e)
try:
    {}['k']
except (IndexError, KeyError) as e:
    print('tuple catch:', repr(e))
try:
    raise ValueError
except ValueError as e:
    print('bare class raise:', repr(e), e.args)
try:
    raise TypeError('a', 2)
except TypeError as e:
    print(e, e.args)
try:
    1 // 0
except Exception as e:
    print('generic:', type(e).__name__, e)
classify('7')
