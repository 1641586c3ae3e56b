# expect: KeyError
def consumer():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError:
            print('ignoring bad value')
            continue
        total += x

c = consumer()
next(c)
print(c.send(5), c.send(7))
c.throw(ValueError('bad'))
print(c.send(1))
c.throw(KeyError('fatal'))
