data = [4, 7, 1, 8]
if (n := len(data)) > 3:
    print('n =', n)
while (item := data.pop()) != 7:
    print('popped', item)
print(data, item)
values = {'a': '12', 'b': 'x', 'c': '7'}
nums = [num for v in values.values() if (num := int(v) if v.isdigit() else None) is not None]
print(nums)

def first_match(items, pred):
    for x in items:
        if (r := pred(x)):
            return x, r
    return None

print(first_match(['aa', 'bbb', 'c'], lambda s: len(s) > 2 and s.upper()))
text = 'key1=val1;key2=val2;bad;key3='
pairs = {}
for part in text.split(';'):
    if (eq := part.find('=')) > 0 and (val := part[eq + 1:]):
        pairs[part[:eq]] = val
print(pairs)
print((y := 10) * 2, y)
total = 0
print([total := total + x for x in range(5)], total)

def f(x):
    return (z := x * 2) + z

print(f(3))
pairs
