# SimpleNamespace records: recursion in repr, copies, vars() as a live view, unhashability.
import copy
from types import SimpleNamespace
ns = SimpleNamespace(a=1, items=[1, 2])
ns.self = ns
print(ns)
c = copy.copy(ns)
d = copy.deepcopy(SimpleNamespace(x=[1]))
print(c.a, c.items is ns.items, d)
vars(ns).update(b=2)
print(ns.b, sorted(vars(ns)))
print(sorted([SimpleNamespace(k=3), SimpleNamespace(k=1)], key=lambda n: n.k))
try:
    hash(ns)
except TypeError as e:
    print('TypeError', e)
print(SimpleNamespace(a=1) == {'a': 1}, str(SimpleNamespace(z=None)))
print(getattr(ns, 'nope', 'dflt'), isinstance(ns, object))
