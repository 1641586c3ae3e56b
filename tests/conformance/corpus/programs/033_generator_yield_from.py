def inner(n):
    for i in range(n):
        received = yield i
        if received:
            print('inner got', received)
    return f'inner done {n}'

def outer():
    r1 = yield from inner(2)
    print('r1 =', r1)
    r2 = yield from inner(3)
    print('r2 =', r2)
    return [r1, r2]

g = outer()
print(next(g))
print(g.send('hello'))
vals = []
try:
    while True:
        vals.append(next(g))
except StopIteration as e:
    final = e.value
print(vals, final)

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain('ab', [1, 2], range(3, 5), {'k': 'v'})))

def tree(node):
    yield node['name']
    for child in node.get('children', []):
        yield from tree(child)

t = {'name': 'root', 'children': [{'name': 'a', 'children': [{'name': 'a1'}]}, {'name': 'b'}]}
print(list(tree(t)))
final
