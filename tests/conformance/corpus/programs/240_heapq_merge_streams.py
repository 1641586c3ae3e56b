import heapq

# Merge already-sorted event streams from several services into one timeline.
api = [(1, 'api', 'start'), (4, 'api', 'req'), (9, 'api', 'stop')]
db = [(2, 'db', 'connect'), (4, 'db', 'query'), (7, 'db', 'close')]
cache = [(3, 'cache', 'miss'), (8, 'cache', 'hit')]
timeline = list(heapq.merge(api, db, cache))
for t, svc, what in timeline:
    print(f'{t:>2} {svc:<6} {what}')
assert [t for t, _, _ in timeline] == sorted(t for t, _, _ in api + db + cache)

desc = list(heapq.merge([9, 5, 1], [8, 3], reverse=True))
print('desc:', desc)
by_len = list(heapq.merge(['a', 'ccc'], ['bb', 'dddd'], key=len))
print('by_len:', by_len)


class Job:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio

    def __repr__(self):
        return f'Job({self.prio}, {self.name!r})'


heap = []
for j in [Job(5, 'x'), Job(2, 'y'), Job(8, 'z'), Job(1, 'w')]:
    heapq.heappush(heap, j)
print([heapq.heappop(heap).name for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError:', e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print('TypeError:', e)
len(timeline)
