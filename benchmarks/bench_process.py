"""Process-tier figures: `python benchmarks/bench_process.py [--quick]`.

- pool start: time until N workers are ready (spawn, imports, warm-up, confinement);
- warm round trip of `1 + 2` (target <= 100 us), against in-process;
- per host call (target <= 20 us over in-process), from a loop of 2000 calls;
- CPU-bound throughput with 2 workers against 1;
- the worker's RSS, and msgspec against json for one message.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from monty_core import Monty
from monty_core.process import ProcessPool, wire


def best_of(fn: Any, repeat: int, number: int) -> float:
    """The best mean time of one call, over `repeat` batches of `number` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - started) / number)
    return min(times)


def us(seconds: float) -> str:
    return f'{seconds * 1e6:8.1f} us'


def main(quick: bool) -> None:
    number = 200 if quick else 1000
    started = time.perf_counter()
    pool = ProcessPool(max_workers=2)
    pool.warm_up()
    print(f'pool start (2 workers ready)          {time.perf_counter() - started:8.3f} s')
    worker = pool.workers()[0]
    print(f'worker RSS                            {worker.rss_bytes() / 2**20:8.1f} MiB')
    failed = [c for c in worker.ready.checks if not c[1]] if worker.ready else []
    print(f'confinement checks failed             {len(failed):8d}')

    one = Monty('1 + 2')
    inproc = best_of(lambda: one.run(), 5, number)
    remote = best_of(lambda: one.run(isolation=pool), 5, number)
    print(f'`1 + 2` in-process                    {us(inproc)}')
    print(f'`1 + 2` process tier (round trip)     {us(remote)}   (target <= 100 us)')

    calls = 2000
    loop = Monty(f't = 0\nfor i in range({calls}):\n    t += f(i)\nt', external_functions=['f'])
    fns = {'f': lambda i: i}
    a = best_of(lambda: loop.run(external_functions=fns), 3, 3 if quick else 10)
    b = best_of(lambda: loop.run(external_functions=fns, isolation=pool), 3, 3 if quick else 10)
    print(f'{calls} host calls in-process           {a * 1e3:8.2f} ms  ({us(a / calls)} per call)')
    print(f'{calls} host calls process tier         {b * 1e3:8.2f} ms  ({us(b / calls)} per call)')
    print(f'per host call, process over in-process {us((b - a) / calls)}   (target <= 20 us)')

    cpu = Monty('t = 0\nfor i in range(2 * 10**6):\n    t += i * i\nt')
    jobs = 4 if quick else 8
    with ProcessPool(max_workers=1) as single:
        single.warm_up()
        started = time.perf_counter()
        for _ in range(jobs):
            cpu.run(isolation=single)
        t1 = time.perf_counter() - started
    started = time.perf_counter()
    with ThreadPoolExecutor(2) as ex:
        list(ex.map(lambda _: cpu.run(isolation=pool), range(jobs)))
    t2 = time.perf_counter() - started
    print(f'CPU-bound, {jobs} runs, 1 worker            {t1:8.3f} s')
    print(f'CPU-bound, {jobs} runs, 2 workers           {t2:8.3f} s   (speed-up {t1 / t2:.2f}x)')

    message = wire.Call(7, 'fetch', {'t': ['https://example.com', 3, {'f': '0x1.8p+1'}]}, {'d': []}, False)
    enc = best_of(lambda: wire.decode_from_worker(0, wire.encode(message)[5:]), 5, 10000)
    builtins = [7, 'fetch', message.args, message.kwargs, False]
    js = best_of(lambda: json.loads(json.dumps(builtins)), 5, 10000)
    print(f'one call message, msgspec enc+dec     {us(enc)}   (stdlib json: {us(js)})')
    rss = statistics.mean(w.rss_bytes() for w in pool.workers()) / 2**20 if pool.workers() else 0.0
    print(f'worker RSS after the runs             {rss:8.1f} MiB')
    pool.shutdown()


if __name__ == '__main__':
    main('--quick' in sys.argv)
