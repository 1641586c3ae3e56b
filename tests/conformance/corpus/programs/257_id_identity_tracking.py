# Track objects already visited by identity, as a graph walker over shared references does.
shared = {'k': 1}
graph = {'a': [shared, [1, 2]], 'b': [shared], 'c': []}
seen = set()
order = []


def walk(obj):
    if id(obj) in seen:
        order.append('dup')
        return
    seen.add(id(obj))
    if isinstance(obj, dict):
        order.append('dict')
        for v in obj.values():
            walk(v)
    elif isinstance(obj, list):
        order.append('list')
        for v in obj:
            walk(v)
    else:
        order.append(type(obj).__name__)


walk(graph)
print(order)
a, b = [], []
print(id(a) == id(a), id(a) != id(b), id(a) == id(a if True else b), isinstance(id(a), int), id(a) > 0)
x = object()
y = x
print(id(x) == id(y), id(None) == id(None), id(len) == id(len))


class Node:
    pass


n = Node()
print(hex(id(n)) in repr(n), f'{id(n):x}' in str(n), repr(n).endswith(hex(id(n)) + '>'))
by_id = {id(o): o for o in (a, b, n)}
print(len(by_id), by_id[id(n)] is n)
len(seen)
