"""`Monty.start`/resume/dump, `MontyRepl` and code mode on the process tier: the same answers as in-process."""

from __future__ import annotations

import gc
import threading
from typing import Any

from monty_core import Monty, MontyComplete, MontyRepl, MontySnapshot
from monty_core.process import ProcessPool

CODE = Monty('a = f(1)\nprint("got", a)\nb = f(a + 1)\na + b', external_functions=['f'])


def walk(isolation: Any) -> list[Any]:
    out: list[str] = []
    seen: list[Any] = []
    first = CODE.start(isolation=isolation, print_callback=lambda s, t: out.append(t))
    assert isinstance(first, MontySnapshot)
    seen.append((first.function_name, first.args))
    data = first.dump()
    second = first.resume(return_value=10)
    assert isinstance(second, MontySnapshot)
    seen.append(second.args)
    seen.append(second.resume(return_value=5))
    fork = first.resume(return_value=20)  # an earlier snapshot again: a replay into a fresh run
    assert isinstance(fork, MontySnapshot)
    seen.append(fork.args)
    fork.close()
    loaded = MontySnapshot.load(data, isolation=isolation)
    seen.append(loaded.resume(return_value=1))
    seen.append(out)
    return [repr(x) for x in seen]


def test_start_resume_fork_dump_load(pool: ProcessPool) -> None:
    assert walk(pool) == walk('inprocess')


def test_repl(pool: ProcessPool) -> None:
    def session(isolation: Any) -> list[Any]:
        repl = MontyRepl(isolation=isolation)
        results = [repl.feed_run('x = 5\ndef g(y):\n    return x * y')]
        results.append(repl.feed_run('g(3)'))
        results.append(repl.feed_run('x = x + 1\nf(x)', external_functions={'f': lambda v: v * 100}))
        paused = repl.feed_start('g(f(2))', external_functions=['f'])
        assert isinstance(paused, MontySnapshot)
        done = paused.resume(return_value=7)
        assert isinstance(done, MontyComplete)
        results.append(done.output)
        results.append(MontyRepl.load(repl.dump(), isolation=isolation).feed_run('g(1)'))
        return results

    assert session(pool) == session('inprocess') == [None, 15, 600, 42, 6]


def test_dropped_snapshot_frees_its_worker() -> None:
    with ProcessPool(max_workers=1) as p:
        paused = CODE.start(isolation=p)
        assert isinstance(paused, MontySnapshot)
        del paused
        gc.collect()
        assert Monty('3').run(isolation=p) == 3  # would wait forever if the worker were still held


def test_worker_started_from_a_thread_that_ends() -> None:
    # A parent-death signal fires when the thread that started the worker ends: workers are started
    # from one long-lived thread.
    with ProcessPool(max_workers=1) as p:
        t = threading.Thread(target=p.warm_up)
        t.start()
        t.join()
        assert Monty('1 + 1').run(isolation=p) == 2


def test_tampered_repl_dump_is_refused_in_the_worker(pool: ProcessPool) -> None:
    import pytest

    from monty_core import MontySnapshotError
    from monty_core.execution.encoding import pack, unpack

    repl = MontyRepl(isolation=pool)
    repl.feed_run('a = f()', external_functions={'f': lambda: 1})
    repl.feed_run('b = a + 1')
    doc = unpack(repl.dump(), 'monty-repl')
    doc['history'][0][0]['code'] = 'a = g()'  # another call than the log has
    for isolation in ('inprocess', pool):
        with pytest.raises(MontySnapshotError):
            MontyRepl.load(pack(doc), isolation=isolation)


def test_paused_snapshots_are_evicted_when_the_pool_is_full() -> None:
    # One worker, three paused runs: starting one evicts the oldest paused run from its worker;
    # resuming an evicted snapshot replays its log in another worker (no worker affinity).
    with ProcessPool(max_workers=1) as p:
        paused = [CODE.start(isolation=p, print_callback=lambda s, t: None) for _ in range(3)]
        for i, snap in enumerate(paused):
            assert isinstance(snap, MontySnapshot)
            nxt = snap.resume(return_value=i)
            assert isinstance(nxt, MontySnapshot) and nxt.args == (i + 1,)
            done = nxt.resume(return_value=100)
            assert isinstance(done, MontyComplete) and done.output == i + 100
        assert Monty('7').run(isolation=p) == 7
