log = []

def worker():
    try:
        while True:
            try:
                item = yield
                log.append(('got', item))
            except ValueError as e:
                log.append(('handled', str(e)))
    finally:
        log.append('cleanup')

w = worker()
next(w)
w.send(1)
w.throw(ValueError('bad'))
w.send(2)
w.close()
print(log)

def fragile():
    yield 1
    yield 2

f = fragile()
next(f)
try:
    f.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(next(f, 'done'))

def closer():
    try:
        yield 'a'
    except GeneratorExit:
        log.append('exit seen')
        raise

c = closer()
next(c)
c.close()
c.close()
print(log[-1])

def stubborn():
    yield 1

s = stubborn()
s.close()
print(list(s))
len(log)
