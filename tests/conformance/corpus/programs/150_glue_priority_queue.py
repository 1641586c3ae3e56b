class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0 and a[i] < a[(i - 1) // 2]:
            p = (i - 1) // 2
            a[i], a[p] = a[p], a[i]
            i = p
    def pop(self):
        a = self.a
        if not a:
            raise IndexError('pop from empty heap')
        top, last = a[0], a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and a[l] < a[m]:
                    m = l
                if r < len(a) and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
h = MinHeap()
for x in [5, 3, 8, 1, 9, 2, 7]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
tasks = MinHeap()
for prio, name in [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee'), (2, 'review')]:
    tasks.push((prio, name))
print([tasks.pop() for _ in range(len(tasks))])
try:
    tasks.pop()
except IndexError as e:
    print('IndexError:', e)
def dijkstra(graph, src):
    dist, pq = {src: 0}, MinHeap()
    pq.push((0, src))
    while len(pq):
        d, u = pq.pop()
        if d > dist.get(u, float('inf')):
            continue
        for v, w in graph.get(u, []):
            if d + w < dist.get(v, float('inf')):
                dist[v] = d + w
                pq.push((d + w, v))
    return dist
g = {'a': [('b', 7), ('c', 9), ('f', 14)], 'b': [('c', 10), ('d', 15)], 'c': [('d', 11), ('f', 2)], 'd': [('e', 6)], 'f': [('e', 9)]}
dist = dijkstra(g, 'a')
print(sorted(dist.items()))
dist
