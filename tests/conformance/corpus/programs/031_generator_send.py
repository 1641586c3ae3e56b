def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return (count, avg)

g = averager()
print(next(g))
for v in [10, 20, 60]:
    print('avg', g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print('result', e.value)

def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == 'stop':
            return received

e = echo()
print(e.send(None))
e.send('a')
print(e.send('b'))
try:
    e.send('stop')
except StopIteration as stop:
    out = stop.value
print(out)
try:
    averager().send(5)
except TypeError as err:
    print('TypeError:', err)
out
