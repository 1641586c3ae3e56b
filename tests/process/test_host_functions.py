"""Host functions run in the host; the worker pauses at each call, as in-process."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import Any

import pytest

from monty_core import Monty, MontyRuntimeError, run_monty_async
from monty_core.process import ProcessPool


def both(m: Monty, pool: ProcessPool, **kw: Any) -> Any:
    a = m.run(**kw)
    b = m.run(isolation=pool, **kw)
    assert repr(a) == repr(b)
    return b


def test_sync_calls_run_in_the_host(pool: ProcessPool) -> None:
    seen: list[Any] = []

    def record(*args: Any, **kwargs: Any) -> Any:
        seen.append((threading.get_ident(), args, kwargs))
        return {'args': list(args), 'kw': kwargs, 'big': 2**90}

    m = Monty('r = record(1, "a", [2.5], k=(1, 2))\nr2 = record()\n(r, r2)', external_functions=['record'])
    result = both(m, pool, external_functions={'record': record})
    assert result[0] == {'args': [1, 'a', [2.5]], 'kw': {'k': (1, 2)}, 'big': 2**90}
    assert {s[0] for s in seen} == {threading.get_ident()}


def test_host_exceptions_are_raised_in_the_sandbox(pool: ProcessPool) -> None:
    def boom(x: int) -> int:
        raise KeyError(x)

    m = Monty(
        'try:\n    boom(3)\nexcept KeyError as e:\n    r = repr(e)\nmissing_ok = 1\nr',
        external_functions=['boom'],
    )
    assert both(m, pool, external_functions={'boom': boom}) == 'KeyError(3)'
    m2 = Monty('boom(1)', external_functions=['boom'])
    with pytest.raises(MontyRuntimeError) as e:
        m2.run(external_functions={'boom': lambda x: 1 / 0}, isolation=pool)
    assert e.value.type_name == 'ZeroDivisionError' and e.value.frames[-1].line == 1


def test_many_calls_and_unconvertible_results(pool: ProcessPool) -> None:
    m = Monty('t = 0\nfor i in range(500):\n    t += inc(i)\nt', external_functions=['inc'])
    assert both(m, pool, external_functions={'inc': lambda i: i + 1}) == sum(range(1, 501))
    m2 = Monty('try:\n    f()\nexcept TypeError as e:\n    r = str(e)\nr', external_functions=['f'])
    assert 'object' in both(m2, pool, external_functions={'f': lambda: object()})


def test_async_host_functions_and_gather(pool: ProcessPool) -> None:
    order: list[str] = []

    async def fetch(name: str, delay: float) -> str:
        order.append(f'start {name}')
        await asyncio.sleep(delay)
        order.append(f'end {name}')
        return name.upper()

    m = Monty(
        'import asyncio\nawait asyncio.gather(fetch("a", 0.05), fetch("b", 0.01), fetch("c", 0.03))',
        external_functions=['fetch'],
    )

    async def main() -> Any:
        return await run_monty_async(m, external_functions={'fetch': fetch}, isolation=pool)

    assert asyncio.run(main()) == ['A', 'B', 'C']
    assert order[:3] == ['start a', 'start b', 'start c']  # concurrent, as in-process
    assert m.run(external_functions={'fetch': fetch}, isolation=pool) == ['A', 'B', 'C']


def test_async_runs_overlap_and_keep_the_loop_free(pool: ProcessPool) -> None:
    m = Monty('t = 0\nfor i in range(3 * 10**6):\n    t += i\nt')
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    async def main() -> list[Any]:
        task = asyncio.create_task(ticker())
        results = await asyncio.gather(*(run_monty_async(m, isolation=pool) for _ in range(2)))
        task.cancel()
        return results

    assert asyncio.run(main()) == [sum(range(3 * 10**6))] * 2
    assert ticks >= 5


def test_print_streaming_order_and_failing_callback(pool: ProcessPool) -> None:
    events: list[Any] = []
    m = Monty('print("a")\nf(1)\nprint("b", end="")\nf(2)', external_functions=['f'])
    m.run(
        external_functions={'f': lambda x: events.append(('call', x))},
        print_callback=lambda s, t: events.append((s, t)),
        isolation=pool,
    )
    assert events == [('stdout', 'a\n'), ('call', 1), ('stdout', 'b'), ('call', 2)]

    def bad(stream: str, text: str) -> None:
        raise LookupError('callback broke')

    with pytest.raises(LookupError, match='callback broke'):
        Monty('print("x")\n1').run(print_callback=bad, isolation=pool)
    assert Monty('2').run(isolation=pool) == 2  # the pool still serves


def test_hooks(pool: ProcessPool) -> None:
    m = Monty('import time\nimport random\n(time.time(), len(random.randbytes(4)))')
    hooks = {'now': lambda: 1234.5, 'random_bytes': lambda n: b'\x01' * n}
    assert both(m, pool, hooks=hooks) == (1234.5, 4)


def test_missing_function_is_a_name_error(pool: ProcessPool) -> None:
    m = Monty('f()', external_functions=['f'])
    with pytest.raises(TypeError, match='missing external function'):
        m.run(isolation=pool)


def test_async_cancellation_and_time_limit(pool: ProcessPool) -> None:
    spin = Monty('while True:\n    pass')

    async def cancelled() -> float:
        started = time.monotonic()
        task = asyncio.create_task(run_monty_async(spin, isolation=pool, limits={'max_duration_secs': 30}))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return time.monotonic() - started

    assert asyncio.run(cancelled()) < 5  # (the worker is killed, not waited for)

    async def timed_out() -> None:
        with pytest.raises(MontyRuntimeError, match='time limit'):
            await run_monty_async(spin, isolation=pool, limits={'max_duration_secs': 0.2})

    asyncio.run(timed_out())

    async def paused_then_cancelled() -> None:
        async def slow() -> int:
            await asyncio.sleep(30)
            return 1

        m = Monty('await slow()', external_functions=['slow'])
        task = asyncio.create_task(run_monty_async(m, external_functions={'slow': slow}, isolation=pool))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(paused_then_cancelled())
    assert Monty('"still serving"').run(isolation=pool) == 'still serving'


def test_cancelled_wait_for_a_worker_gives_it_back() -> None:
    with ProcessPool(max_workers=1) as p:
        paused = Monty('f()', external_functions=['f']).start(isolation=p)  # holds the only worker

        async def main() -> None:
            task = asyncio.create_task(run_monty_async(Monty('1'), isolation=p))
            await asyncio.sleep(0.2)  # waiting (in a thread) for the worker
            task.cancel()
            # (On a slow machine the pool may already have evicted the paused run to serve the
            # waiter, which then finished: either way, no worker may be lost.)
            with contextlib.suppress(asyncio.CancelledError):
                await task

        asyncio.run(main())
        paused.close()  # frees the worker: the cancelled waiter's thread gets it, and must give it back
        worker = p.acquire(timeout=30)
        p.release(worker, reuse=True)
        assert Monty('2').run(isolation=p) == 2
