l = [3, 1, 4, 1, 5]
l.append(9)
l.extend([2, 6])
l.insert(0, 0)
l.insert(100, 7)
l.insert(-1, 8)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(1), l.index(5, 2), l.count(1), l.count(42))
l.sort()
print(l)
l.sort(reverse=True, key=lambda x: x % 3)
print(l)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
nums = [5, 2, 8]
s = sorted(nums)
r = nums.sort()
print(s, r, nums)
l.clear()
print(l, len(l))
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print('ValueError:', e)
try:
    [1].index(2)
except ValueError as e:
    print('ValueError:', e)
words = ['b', 'a', 'c']
words += 'de'
words *= 2
print(words, words[::3], len(words))
stack, queue = [], []
for i in range(3):
    stack.append(i)
    queue.append(i)
print([stack.pop() for _ in range(3)], [queue.pop(0) for _ in range(3)])
nested = [[3, 'c'], [1, 'a'], [2, 'b']]
nested.sort()
print(nested, [1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], max([[1, 9], [2, 0]]))
nums
