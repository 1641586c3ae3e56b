def check_positive(n):
    assert n > 0, f'expected positive, got {n}'
    return n

print(check_positive(5))
try:
    check_positive(-2)
except AssertionError as e:
    print('AssertionError:', e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print('bare assert:', repr(str(e)), e.args)
try:
    assert [], ('tuple', 'message')
except AssertionError as e:
    print('tuple msg:', e.args)
items = [3, 1, 2]
assert sorted(items) == [1, 2, 3], 'sorting broken'
assert isinstance(items, list)
assert all(isinstance(i, int) for i in items), items
count = 0

def side():
    global count
    count += 1
    return 'msg'

assert True, side()
print('side effect count', count)
try:
    assert False, side()
except AssertionError as e:
    print(e, count)
try:
    assert None, None
except AssertionError as e:
    print('None msg:', e.args)
count
