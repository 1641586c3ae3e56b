class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log

    async def __aenter__(self):
        self.log.append('open ' + self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append('close ' + self.name)
        return False

class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def agen(n):
    for i in range(n):
        yield i * 10

async def main(log):
    async with Resource('db', log) as r:
        log.append('using ' + r.name)
    out = []
    async for t in Ticker(3):
        out.append(t)
    async for v in agen(3):
        out.append(v)
    out.extend([x async for x in agen(2)])
    return out

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

log = []
result = run(main(log))
print(result, log)
result
