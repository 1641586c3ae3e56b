# TopologicalSorter misuse errors and shlex quoting/escaping edge cases.
from graphlib import TopologicalSorter
import shlex
ts = TopologicalSorter()
ts.add(1)
ts.add(2, 1)
print(list(ts.static_order()))
try:
    ts.add(3)
except ValueError as e:
    print('ValueError', e)
t2 = TopologicalSorter({'a': []})
t2.prepare()
print(t2.is_active(), bool(t2), t2.get_ready())
try:
    t2.get_ready()
except ValueError as e:
    print('ValueError', e)
try:
    TopologicalSorter({'a': 5})
except TypeError as e:
    print('TypeError', e)
print(shlex.quote(''), shlex.quote('safe-_./@%+=:,'), shlex.join([]), shlex.split(''))
print(shlex.split("a 'b\\c' \"d\\\"e\" f\\ g"))
try:
    shlex.split('a "b')
except ValueError as e:
    print('ValueError', e)
try:
    shlex.split("a\\")
except ValueError as e:
    print('ValueError', e)
