graph = {
    'A': ['B', 'C'], 'B': ['D'], 'C': ['D', 'E'], 'D': ['F'], 'E': ['F'], 'F': [], 'G': ['A'],
}
def bfs(start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in graph.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None
print(bfs('A', 'F'), bfs('C', 'F'), bfs('F', 'A'), bfs('G', 'E'))
def dfs_order(start):
    order, stack, seen = [], [start], set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        order.append(n)
        stack.extend(reversed(graph[n]))
    return order
print(dfs_order('A'), dfs_order('G'))
def topo():
    indeg = {n: 0 for n in graph}
    for outs in graph.values():
        for m in outs:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
        ready.sort()
    return order
print(topo())
dist = {'A': 0}
frontier = ['A']
while frontier:
    nxt = []
    for n in frontier:
        for m in graph[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                nxt.append(m)
    frontier = nxt
print(dist)
topo()
