from graphlib import TopologicalSorter, CycleError

# Order build steps by their dependencies.
deps = {
    'deploy': {'test', 'build'},
    'test': {'build'},
    'build': {'fetch', 'configure'},
    'configure': {'fetch'},
    'fetch': set(),
    'docs': {'configure'},
}
order = list(TopologicalSorter(deps).static_order())
print(order)
pos = {step: i for i, step in enumerate(order)}
assert all(pos[d] < pos[s] for s, ds in deps.items() for d in ds)

ts = TopologicalSorter()
ts.add('c', 'a', 'b')
ts.add('b', 'a')
ts.add('d')
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print('parallel rounds:', rounds)

try:
    list(TopologicalSorter({'a': {'b'}, 'b': {'c'}, 'c': {'a'}}).static_order())
except CycleError as e:
    msg, cycle = e.args
    print('cycle:', msg, len(cycle), cycle[0] == cycle[-1])
rounds
