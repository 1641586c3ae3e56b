"""Limits the host enforces from outside: time (kill at the limit plus a grace), memory (RLIMIT_AS),
crashes. Timing assertions have >= 5x headroom; what is asserted is the behaviour."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest

from monty_core import Monty, MontyRuntimeError
from monty_core.process import ProcessPool
from monty_core.process.remote import GRACE

LIMIT = 0.3


def rss() -> int:
    with open('/proc/self/statm', encoding='ascii') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')


def fails(m: Monty, pool: ProcessPool, **kw: Any) -> tuple[MontyRuntimeError, float]:
    started = time.monotonic()
    with pytest.raises(MontyRuntimeError) as e:
        m.run(isolation=pool, **kw)
    return e.value, time.monotonic() - started


@pytest.mark.parametrize('source', ['while True:\n    pass', 'sum(range(10**12))', 'pow(3, 10**9)'])
def test_time_limit_cooperative(pool: ProcessPool, source: str) -> None:
    error, took = fails(Monty(source), pool, limits={'max_duration_secs': LIMIT})
    assert error.type_name in ('TimeoutError', 'MemoryError'), error
    assert took < (LIMIT + GRACE) * 5


def test_time_limit_single_c_call_is_killed(holed: ProcessPool) -> None:
    # `hole` runs unmetered host Python in the worker: one C call the meter cannot interrupt.
    m = Monty('hole("result = sum(range(10**13))")', inputs=['hole'])
    error, took = fails(m, holed, inputs={'hole': None}, limits={'max_duration_secs': LIMIT})
    assert (error.type_name, error.message) == ('TimeoutError', f'execution time limit exceeded ({LIMIT:g}s)')
    assert took < (LIMIT + GRACE) * 5
    m2 = Monty('hole("result = 7 ** (7 ** 9) % 1000")', inputs=['hole'])  # a huge power in one C call
    error, took = fails(m2, holed, inputs={'hole': None}, limits={'max_duration_secs': LIMIT})
    assert error.type_name == 'TimeoutError' and took < (LIMIT + GRACE) * 5
    assert Monty('1').run(isolation=holed) == 1  # the worker was replaced


def test_time_paused_at_host_calls_does_not_count(pool: ProcessPool) -> None:
    m = Monty('for i in range(3):\n    wait()\n"done"', external_functions=['wait'])
    assert (
        m.run(
            external_functions={'wait': lambda: time.sleep(0.2)},
            limits={'max_duration_secs': 0.3},
            isolation=pool,
        )
        == 'done'
    )


def test_memory_bombs_are_contained(pool: ProcessPool, holed: ProcessPool) -> None:
    before = rss()
    limits = {'max_memory': 64 * 2**20, 'max_duration_secs': 5}
    error, _ = fails(Monty('b"x" * 10**10'), pool, limits=limits)
    assert error.type_name == 'MemoryError' and 'limit' in error.message
    error, _ = fails(Monty('x = []\nwhile True:\n    x.append("y" * 10**5)'), pool, limits=limits)
    assert error.type_name == 'MemoryError' and 'limit' in error.message
    # Unmetered growth (the planted hole): only RLIMIT_AS stops it.
    m = Monty('hole("x = []\\nwhile True:\\n    x.append(bytearray(10**7))")', inputs=['hole'])
    error, _ = fails(m, holed, inputs={'hole': None}, limits=limits)
    assert error.type_name == 'MemoryError' and 'limit' in error.message, error
    m = Monty('hole("result = len(bytearray(10**11))")', inputs=['hole'])
    error, _ = fails(m, holed, inputs={'hole': None}, limits=limits)
    assert error.type_name == 'MemoryError'
    assert rss() - before < 32 * 2**20  # the host did not grow
    assert Monty('1 + 1').run(isolation=holed, limits=limits) == 2


def test_crash_is_a_clear_error_and_the_worker_is_replaced(holed: ProcessPool) -> None:
    m = Monty('crash()', inputs=['crash'])
    error, _ = fails(m, holed, inputs={'crash': None})
    assert error.type_name == 'SystemError'
    assert 'crashed (SIGSEGV)' in error.message
    assert Monty('[i * i for i in range(5)]').run(isolation=holed) == [0, 1, 4, 9, 16]


def test_no_state_crosses_runs() -> None:
    single = ProcessPool(max_workers=1)
    try:
        plant = Monty(
            'import urllib.parse\nurllib.parse.uses_netloc.append("evil")\nclass C:\n    n = 0\nC.n += 1\n'
            'global_value = 42\ndef f():\n    return 1\n"planted"'
        )
        assert plant.run(isolation=single) == 'planted'
        probe = Monty(
            'import urllib.parse\nout = ["evil" in urllib.parse.uses_netloc]\n'
            'for name in ("global_value", "C", "f"):\n'
            '    try:\n        eval_me = {"global_value": lambda: global_value, "C": lambda: C, "f": lambda: f}[name]()\n'
            '        out.append(name)\n    except NameError:\n        out.append(None)\nout'
        )
        assert probe.run(isolation=single) == [False, None, None, None]
        assert single.workers()[0].runs == 2  # the same worker served both runs
    finally:
        single.shutdown()


def test_recycle_after_each_run_drops_a_compromised_worker() -> None:
    # A guard hole lets a run change its worker's host state; `recycle_after=1` gives every run a
    # fresh worker, so a later run does not see it (the default recycles after 500 runs, or at once
    # after a limit error or crash).
    with ProcessPool(max_workers=1, recycle_after=1, _test_switches=('hole',)) as p:
        m = Monty('hole(src)', inputs=['hole', 'src'])
        plant = 'import builtins\nbuiltins.PLANTED = 1\nresult = 1'
        probe = 'import builtins\nresult = hasattr(builtins, "PLANTED")'
        assert m.run(inputs={'hole': None, 'src': plant}, isolation=p) == 1
        assert m.run(inputs={'hole': None, 'src': probe}, isolation=p) is False


def test_pool_parallelism_and_shutdown() -> None:
    with ProcessPool(max_workers=2) as p:
        p.warm_up()
        assert len(p.workers()) == 2
        assert all(
            all(ok for _, ok, _ in w.ready.checks) for w in p.workers() if w.ready
        )  # every check holds here
        pids = {w.pid for w in p.workers()}
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with pytest.raises(RuntimeError, match='shut down'):
        Monty('1').run(isolation=p)


def test_result_larger_than_a_message() -> None:
    with ProcessPool(max_workers=1, max_message_bytes=1 << 20) as p:
        error, _ = fails(Monty('"x" * 2**21'), p)
        assert (error.type_name, error.frames) == ('MemoryError', [])
        assert 'too large to send to the host' in error.message
        m = Monty(
            'try:\n    f("y" * 2**21)\nexcept TypeError as e:\n    r = str(e)\nr', external_functions=['f']
        )
        assert 'too large' in m.run(external_functions={'f': len}, isolation=p)
        assert Monty('"z" * 1000').run(isolation=p) == 'z' * 1000
