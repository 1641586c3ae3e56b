def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print('found at', i)
            break
    else:
        print('not found')
        return -1
    return i

print(find([3, 1, 4], 4), find([3, 1, 4], 9), find([], 1))
n = 0
while n < 5:
    n += 2
else:
    print('while finished normally with', n)
n = 0
while True:
    n += 1
    if n == 3:
        break
else:
    print('never printed')
print('broke at', n)
primes = []
for cand in range(2, 30):
    for d in range(2, cand):
        if cand % d == 0:
            break
    else:
        primes.append(cand)
print(primes)
out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)

def placeholder():
    pass

def stub():
    ...

print(placeholder(), stub())
for _ in []:
    pass
else:
    print('empty loop else runs')
count = 0
for c in 'hello world':
    if c == ' ':
        continue
    count += 1
count
