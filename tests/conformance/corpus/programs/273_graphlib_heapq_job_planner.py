import heapq
from graphlib import TopologicalSorter

# Plan jobs: respect dependencies, and among ready jobs run the highest priority first.
jobs = {
    'extract': (3, []),
    'clean': (2, ['extract']),
    'features': (5, ['clean']),
    'train': (9, ['features']),
    'report': (1, ['train', 'clean']),
    'backup': (4, []),
}
ts = TopologicalSorter({name: deps for name, (_, deps) in jobs.items()})
ts.prepare()
ready = []
plan = []
while ts.is_active():
    for name in ts.get_ready():
        heapq.heappush(ready, (-jobs[name][0], name))
    prio, name = heapq.heappop(ready)
    plan.append(name)
    ts.done(name)
print(plan)
print({name: i for i, name in enumerate(plan)}['train'] > {name: i for i, name in enumerate(plan)}['features'])
plan
