events = []

def resource(name):
    events.append(f'open {name}')
    try:
        for i in range(5):
            yield f'{name}{i}'
    finally:
        events.append(f'close {name}')

g = resource('r')
for item in g:
    events.append(item)
    if item == 'r1':
        break
events.append('after loop')
g.close()
print(events)
events.clear()
print(list(resource('s')))
print(events)

def gen_return_in_finally():
    try:
        yield 1
        yield 2
    finally:
        events.append('fin')

h = gen_return_in_finally()
print(next(h))
h.close()
print(events[-1], next(h, 'closed'))

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

bad = ignore_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print('RuntimeError:', e)
print(next(bad, 'finished'))
events
