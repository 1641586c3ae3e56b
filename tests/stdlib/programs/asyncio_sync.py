# ruff: noqa
import asyncio


async def work(n, log):
    await asyncio.sleep(n / 10)
    log.append(n)
    return n * 2


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError('boom')


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(3, log))
        b = tg.create_task(work(1, log))
    print(a.result(), b.result(), log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(5, log))
            tg.create_task(fail())
    except* ValueError as eg:
        print('group', [str(e) for e in eg.exceptions])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=1)
    except TimeoutError:
        print('timed out')
    print(await asyncio.wait_for(work(1, log), timeout=5))
    res = []
    for coro in asyncio.as_completed([work(3, log), work(1, log), work(2, log)]):
        res.append(await coro)
    print(res)
    q = asyncio.Queue()

    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)

    async def consumer():
        out = []
        while (item := await q.get()) is not None:
            out.append(item)
        return out

    print(await asyncio.gather(producer(), consumer()))
    sem = asyncio.Semaphore(2)
    active = [0]
    peak = [0]

    async def limited(i):
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0.1)
            active[0] -= 1
            return i

    print(await asyncio.gather(*(limited(i) for i in range(5))), peak[0])
    ev = asyncio.Event()

    async def waiter():
        await ev.wait()
        return 'woke'

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    lock = asyncio.Lock()
    async with lock:
        print(lock.locked())
    print(lock.locked())
    done, pending = await asyncio.wait(
        [asyncio.create_task(work(1, log)), asyncio.create_task(work(9, log))],
        return_when=asyncio.FIRST_COMPLETED,
    )
    print(len(done), len(pending))
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(5)
    except TimeoutError:
        print('timeout cm')
    t2 = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print('cancelled', t2.cancelled())


asyncio.run(main())
