"""Benchmark pausing, snapshots and the async driver.

    python benchmarks/bench_snapshots.py            # about 10 s
    python benchmarks/bench_snapshots.py --quick    # smoke run, timings only indicative
    python benchmarks/bench_snapshots.py --json out.json

Figures (best of several repeats; per-call figures divide a loop of N host calls):

1. pause + resume round trip: a sandbox loop makes N host calls through `start()`/`resume()`; the cost
   per call (target <= 5 us). `run()` with a sync host function is shown next to it for comparison;
2. dump + load + replay: a 15-line snippet paused after 5 host calls; `dump()`, then `load()` (which
   recompiles the code - cached by source - and replays the 5 logged calls) (target <= 1 ms);
3. snapshot size in bytes for that snippet, and growth per logged host call;
4. `run_monty_async` overhead per host call, with a sync and with an async host function.

Measurement only: it never fails because a number is slow.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import time
from collections.abc import Callable
from typing import Any

import monty_core
from monty_core import MontySnapshot

LOOP = 'total = 0\nfor i in range(n):\n    total += fetch(i)\ntotal'

SNIPPET = """
async def fetch_all(urls):
    pages = []
    for url in urls:
        page = fetch(url)
        pages.append(page)
    return pages

def summarise(pages):
    words = [len(p.split()) for p in pages]
    return {'pages': len(pages), 'words': sum(words), 'longest': max(words)}

urls = [f'https://example.com/{i}' for i in range(6)]
pages = await fetch_all(urls)
summary = summarise(pages)
summary
"""


def best_of(repeats: int, fn: Callable[[], float]) -> float:
    gc.collect()
    return min(fn() for _ in range(repeats))


def round_trip_us(n: int, repeats: int) -> tuple[float, float]:
    m = monty_core.Monty(LOOP, inputs=['n'], external_functions=['fetch'])

    def paused() -> float:
        progress = m.start(inputs={'n': n})
        start = time.perf_counter()
        while type(progress) is MontySnapshot:
            progress = progress.resume(return_value=1)
        return (time.perf_counter() - start) / n * 1e6

    def direct() -> float:
        start = time.perf_counter()
        m.run(inputs={'n': n}, external_functions={'fetch': lambda i: 1})
        return (time.perf_counter() - start) / n * 1e6

    return best_of(repeats, paused), best_of(repeats, direct)


def snippet_snapshot() -> MontySnapshot:
    """The 15-line snippet paused at its 6th host call, after 5 answered ones."""
    m = monty_core.Monty(SNIPPET, external_functions=['fetch'])
    progress = m.start()
    for i in range(5):
        assert isinstance(progress, MontySnapshot)
        progress = progress.resume(return_value=f'page {i} has a few words in it')
    assert isinstance(progress, MontySnapshot)
    return progress


def dump_load_us(repeats: int, inner: int) -> tuple[float, float, float, int]:
    snap = snippet_snapshot()
    data = snap.dump()

    def dump() -> float:
        start = time.perf_counter()
        for _ in range(inner):
            snap.dump()
        return (time.perf_counter() - start) / inner * 1e6

    def load() -> float:
        start = time.perf_counter()
        for _ in range(inner):
            MontySnapshot.load(data)
        return (time.perf_counter() - start) / inner * 1e6

    def fork() -> float:  # resume a snapshot that is not at the head of its live run: a replay
        start = time.perf_counter()
        for _ in range(inner):
            snap.resume(return_value='x')
        return (time.perf_counter() - start) / inner * 1e6

    return best_of(repeats, dump), best_of(repeats, load), best_of(repeats, fork), len(data)


def size_per_call(calls: int) -> float:
    m = monty_core.Monty(LOOP, inputs=['n'], external_functions=['fetch'])

    def size_after(k: int) -> int:
        progress = m.start(inputs={'n': calls + 1})
        for i in range(k):
            progress = progress.resume(return_value=i)  # type: ignore[union-attr]
        return len(progress.dump())  # type: ignore[union-attr]

    return (size_after(calls) - size_after(0)) / calls


def async_overhead_us(n: int, repeats: int) -> tuple[float, float]:
    m = monty_core.Monty(LOOP, inputs=['n'], external_functions=['fetch'])
    am = monty_core.Monty(
        LOOP.replace('fetch(i)', 'await fetch(i)'), inputs=['n'], external_functions=['fetch']
    )

    async def afetch(i: int) -> int:
        return 1

    def timed(monty: monty_core.Monty, fn: Callable[..., Any]) -> Callable[[], float]:
        def go() -> float:
            start = time.perf_counter()
            asyncio.run(monty_core.run_monty_async(monty, inputs={'n': n}, external_functions={'fetch': fn}))
            return (time.perf_counter() - start) / n * 1e6

        return go

    return best_of(repeats, timed(m, lambda i: 1)), best_of(repeats, timed(am, afetch))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--quick', action='store_true', help='small sizes, few repeats')
    parser.add_argument('--json', metavar='PATH', help='write the figures as JSON')
    args = parser.parse_args()
    n, repeats, inner = (2_000, 3, 20) if args.quick else (20_000, 7, 200)

    paused, direct = round_trip_us(n, repeats)
    dump_us, load_us, fork_us, size = dump_load_us(repeats, inner)
    per_call = size_per_call(100)
    async_sync, async_async = async_overhead_us(n // 4, repeats)
    figures = {
        'pause_resume_round_trip_us': paused,
        'run_sync_host_call_us': direct,
        'snippet_dump_us': dump_us,
        'snippet_load_replay_us': load_us,
        'snippet_dump_load_replay_us': dump_us + load_us,
        'snippet_fork_resume_us': fork_us,
        'snippet_snapshot_bytes': size,
        'snapshot_bytes_per_logged_call': per_call,
        'run_monty_async_sync_fn_per_call_us': async_sync,
        'run_monty_async_async_fn_per_call_us': async_async,
    }
    rows = [
        ('pause + resume round trip (start/resume), per host call', f'{paused:8.2f} us', '<= 5 us'),
        ('  for comparison: run() with a sync host function, per call', f'{direct:8.2f} us', ''),
        ('dump() of the 15-line snippet after 5 host calls', f'{dump_us:8.1f} us', ''),
        ('load() = recompile (cached) + replay of the 5 calls', f'{load_us:8.1f} us', ''),
        ('dump + load + replay', f'{dump_us + load_us:8.1f} us', '<= 1000 us'),
        ('resume of a non-head snapshot (in-process fork = replay)', f'{fork_us:8.1f} us', ''),
        ('snapshot size of that snippet', f'{size:8d} B', ''),
        ('snapshot growth per logged host call (int args/answers)', f'{per_call:8.1f} B', ''),
        ('run_monty_async, sync host function, per call', f'{async_sync:8.2f} us', ''),
        ('run_monty_async, async host function (awaited), per call', f'{async_async:8.2f} us', ''),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value, target in rows:
        print(f'{label:<{width}}  {value}  {target}')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(figures, f, indent=2)


if __name__ == '__main__':
    main()
