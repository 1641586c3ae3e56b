import heapq

# Pick the top-k scored documents and run a tiny priority scheduler, as a retrieval tool would.
scores = {'doc-a': 0.91, 'doc-b': 0.42, 'doc-c': 0.77, 'doc-d': 0.91, 'doc-e': 0.13, 'doc-f': 0.66}
top3 = heapq.nlargest(3, scores.items(), key=lambda kv: (kv[1], kv[0]))
print('top3:', top3)
low2 = heapq.nsmallest(2, scores, key=scores.get)
print('low2:', low2)
assert [d for d, _ in top3] == ['doc-d', 'doc-a', 'doc-c']

tasks = []
for prio, name in [(3, 'email'), (1, 'deploy'), (2, 'review'), (1, 'backup'), (5, 'lunch')]:
    heapq.heappush(tasks, (prio, name))
order = []
while tasks:
    prio, name = heapq.heappop(tasks)
    order.append(f'{prio}:{name}')
print(' -> '.join(order))

nums = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(nums)
print('heap[0]:', nums[0], 'valid:', all(nums[i] <= nums[c] for i in range(len(nums)) for c in (2 * i + 1, 2 * i + 2) if c < len(nums)))
print('pushpop:', heapq.heappushpop(nums, 0), 'replace:', heapq.heapreplace(nums, 10))
print('sorted drain:', [heapq.heappop(nums) for _ in range(len(nums))])
print(heapq.nlargest(0, [1, 2]), heapq.nsmallest(10, [3, 1, 2]), heapq.nlargest(1, []))
order
