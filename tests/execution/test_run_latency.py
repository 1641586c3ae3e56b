"""The run side's fast paths: pooled run greenlets, `run()`'s light host calls, conversion fast paths.

Each fast path must behave exactly as the general path it short-cuts: these tests pin that down.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
import weakref
from collections import OrderedDict
from enum import IntEnum
from typing import Any

import pytest

import monty_core
from monty_core.convert import _Into, _Out, plain_copy, plain_kwargs, to_host, to_sandbox
from monty_core.errors import MontyConversionError
from monty_core.execution import run as run_module
from monty_core.execution.driver import drive_sync
from monty_core.execution.run import Execution
from monty_core.limits import DEFAULT as DEFAULT_LIMITS
from monty_core.runtime.memory import CURRENT
from monty_core.runtime.meter import WATCHDOG

# -- pooled run greenlets ----------------------------------------------------------------------------


def _run_code(code: str, **kwargs: Any) -> Any:
    return monty_core.Monty(code, external_functions=list(kwargs.get('external_functions', {}))).run(**kwargs)


def test_run_greenlets_are_reused() -> None:
    _run_code('x = 1')
    idle = run_module._POOL.idle
    assert idle
    worker = idle[-1]
    for code in ('x = 1', 'sum(i for i in range(10))', '1 / 0'):
        try:
            _run_code(code)
        except monty_core.MontyRuntimeError:
            pass
        assert idle[-1] is worker
        assert worker.outbox is None and worker.ticker is None


def _finished_execution(code: str, functions: dict[str, Any] | None = None) -> Execution:
    m = monty_core.Monty(code, external_functions=list(functions or {}))
    return Execution(
        m._program,
        inputs={},
        external_functions=m.external_functions,
        limits=DEFAULT_LIMITS,
        print_callback=lambda stream, text: None,
    )


@pytest.mark.parametrize(
    'code',
    [
        'x = [1] * 1000\nx',
        'raise ValueError("x")',
        'def g():\n    try:\n        yield 1\n    finally:\n        pass\nit = g()\nnext(it)',
    ],
)
def test_a_pooled_greenlet_keeps_nothing_of_the_finished_run(code: str) -> None:
    execution = _finished_execution(code)
    try:
        drive_sync(execution, {})
    except monty_core.MontyRuntimeError:
        pass
    assert execution.finished
    ref = weakref.ref(execution)
    del execution
    gc.collect()
    assert ref() is None
    assert CURRENT.account is None and CURRENT.ticker is None


def test_a_pooled_greenlet_forgets_the_modules_of_the_finished_run() -> None:
    from monty_core.stdlib import _support

    assert _run_code('import collections\ncollections.Counter("abc")["a"]') == 1  # binds the greenlet
    worker = run_module._POOL.idle[-1]
    assert worker not in _support._RUNS


def test_abandoned_run_returns_its_greenlet() -> None:
    def boom() -> None:
        raise KeyboardInterrupt

    execution = _finished_execution('try:\n    f()\nexcept BaseException:\n    y = 2', {'f': boom})
    with pytest.raises(KeyboardInterrupt):
        drive_sync(execution, {'f': boom})
    assert execution.finished and execution._greenlet is None
    assert 'y' not in execution.globals  # the handler re-raised the stop before any user code
    assert CURRENT.account is None and CURRENT.ticker is None
    assert WATCHDOG.active.get(execution.meter, 'gone') == 'gone'
    assert _run_code('1 + 1') == 2


def test_a_run_cannot_be_driven_twice() -> None:
    execution = _finished_execution('1')
    assert drive_sync(execution, {}) == 1
    with pytest.raises(RuntimeError):
        drive_sync(execution, {})


def test_greenlets_started_deep_in_the_host_stack_are_not_pooled() -> None:
    idle = run_module._POOL.idle
    saved = list(idle)
    idle.clear()
    try:

        def deep(n: int) -> Any:
            return _run_code('1 + 1') if n == 0 else deep(n - 1)

        assert deep(run_module.POOL_MAX_DEPTH + 10) == 2
        assert idle == []
        assert _run_code('1 + 1') == 2
        assert len(idle) == 1
    finally:
        idle[:] = saved


def test_pool_size_is_bounded() -> None:
    def nest(depth: int) -> int:
        if depth == 0:
            return 0
        m = monty_core.Monty('f(n - 1) + 1', inputs=['n'], external_functions=['f'])
        return m.run(inputs={'n': depth}, external_functions={'f': nest})

    assert nest(run_module.POOL_SIZE + 3) == run_module.POOL_SIZE + 3
    assert len(run_module._POOL.idle) <= run_module.POOL_SIZE


def test_contextvars_start_empty_in_every_run() -> None:
    code = 'import decimal\nbefore = decimal.getcontext().prec\ndecimal.getcontext().prec = 5\nbefore'
    assert _run_code(code) == 28
    assert _run_code(code) == 28


def test_each_thread_has_its_own_pool() -> None:
    results: list[Any] = []

    def work() -> None:
        results.append(_run_code('sum(range(100))'))
        results.append(len(run_module._POOL.idle))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results == [4950, 1]


# -- run(): host calls ---------------------------------------------------------------------------------


def test_time_in_host_functions_does_not_count() -> None:
    def slow() -> int:
        time.sleep(0.1)
        return 1

    m = monty_core.Monty('total = 0\nfor i in range(5):\n    total += f()\ntotal', external_functions=['f'])
    assert m.run(external_functions={'f': slow}, limits={'max_duration_secs': 0.3}) == 5


def test_time_limit_still_applies_after_host_calls() -> None:
    m = monty_core.Monty('f()\nwhile True:\n    pass', external_functions=['f'])
    start = time.perf_counter()
    with pytest.raises(monty_core.MontyRuntimeError) as info:
        m.run(external_functions={'f': lambda: None}, limits={'max_duration_secs': 0.2})
    assert info.value.type_name == 'TimeoutError'
    assert time.perf_counter() - start < 2


def test_watchdog_idles_during_a_long_host_call_and_wakes_after() -> None:
    returned: list[float] = []

    def slow() -> bool:
        # The watchdog goes idle IDLE_AFTER seconds into the host call (later on a busy machine).
        deadline = time.perf_counter() + WATCHDOG.IDLE_AFTER + 5
        while not WATCHDOG.idle and time.perf_counter() < deadline:
            time.sleep(0.01)
        returned.append(time.perf_counter())
        return WATCHDOG.idle

    # After the host call, each iteration is one tick and a few ms: only the watchdog stops it in time.
    code = 'idle = f()\nx = list(range(10**6))\nwhile True:\n    x.sort()'
    m = monty_core.Monty(code, external_functions=['f'])
    with pytest.raises(monty_core.MontyRuntimeError) as info:
        m.run(external_functions={'f': slow}, limits={'max_duration_secs': 0.2})
    assert info.value.type_name == 'TimeoutError'
    assert time.perf_counter() - returned[0] < 0.2 + 1.5  # woke: stopped soon after the host call
    assert _run_code('f()', external_functions={'f': slow}) is True


def test_nested_runs_from_host_functions() -> None:
    inner = monty_core.Monty('[x * 2 for x in range(n)]', inputs=['n'])

    def host(n: int) -> list[int]:
        return inner.run(inputs={'n': n})

    m = monty_core.Monty('a = f(3)\nb = [y for y in range(3)]\nc = f(2)\n[a, b, c]', external_functions=['f'])
    assert m.run(external_functions={'f': host}) == [[0, 2, 4], [0, 1, 2], [0, 2]]
    assert CURRENT.account is None and CURRENT.ticker is None


def test_a_nested_run_gives_the_thread_back_to_the_outer_run() -> None:
    # A nested run leaves the thread's current run as it found it, so the outer run's ticks and
    # memory checks are its own again when its host call returns.
    seen: list[Any] = []
    inner = monty_core.Monty('sum(range(10))')

    def host() -> int:
        seen.append(CURRENT.ticker)
        value = inner.run()
        seen.append(CURRENT.ticker)
        return value

    m = monty_core.Monty('f() + sum(x for x in range(5000))', external_functions=['f'])
    assert m.run(external_functions={'f': host}) == 45 + sum(range(5000))
    assert seen[0] is seen[1] and seen[0] is not None


def test_missing_host_function_at_call_time() -> None:
    m = monty_core.Monty('try:\n    f()\nexcept NameError as e:\n    r = str(e)\nr', external_functions=['f'])
    execution = Execution(
        m._program, inputs={}, external_functions=('f',), limits=DEFAULT_LIMITS, print_callback=None
    )
    assert drive_sync(execution, {}) == "host function 'f' is not provided"


# -- conversion fast paths -------------------------------------------------------------------------------


class Color(IntEnum):
    RED = 1


FAST_VALUES: list[Any] = [
    [],
    {},
    [1, 'a', 2.5, None, True, b'x', 1j],
    [{'id': 1, 'name': 'ada', 'active': True}, {'id': 2, 'name': 'brian', 'active': False}],
    [{}, {}],
    {'a': 1, 2: 'b', None: 3.5, 1.5: True},
    {'active': 3, 'top': ['x', 'y'], 'report': 'x; y', 'empty': []},
]

GENERAL_VALUES: list[Any] = [
    [1, {'a': 1}],  # mixed atoms and records
    [{'a': [1]}],  # nested beyond one level
    [{'a': Color.RED}],  # an IntEnum value becomes an int
    [OrderedDict(a=1)],  # a dict subclass
    {'a': {'b': 1}},
    {'a': (1, 2)},
    {'a': range(3)},
    [range(3)],
    {(1, 2): 1},
]


@pytest.mark.parametrize('value', FAST_VALUES, ids=repr)
def test_plain_copy_equals_the_general_conversion_and_is_independent(value: Any) -> None:
    copy = plain_copy(value)
    assert copy is not None
    assert copy == _Into('x').convert(value, 0) == _Out('x').convert(value, 0)
    assert type(copy) is type(value) and copy is not value
    items = copy.values() if type(copy) is dict else copy
    originals = list(value.values() if type(value) is dict else value)
    for item, original in zip(items, originals, strict=True):
        if type(item) in (list, dict):
            assert item is not original and type(item) is type(original)


@pytest.mark.parametrize('value', GENERAL_VALUES, ids=repr)
def test_values_outside_the_fast_path_take_the_general_path(value: Any) -> None:
    assert plain_copy(value) is None
    assert to_sandbox(value, 'x') == _Into('x').convert(value, 0)


def test_a_record_listed_twice_stays_one_object() -> None:
    record = {'n': 1}
    assert plain_copy([record, record]) is None
    shared = [1, 2]
    copy = plain_copy({'a': shared, 'b': shared})
    assert copy is not None and copy['a'] is copy['b'] and copy['a'] is not shared

    def fetch() -> Any:
        return [record, record]

    code = 'rs = fetch()\nrs[0]["n"] = 5\n[rs[1]["n"], rs[0] is rs[1]]'
    m = monty_core.Monty(code, external_functions=['fetch'])
    assert m.run(external_functions={'fetch': fetch}) == [5, True]
    assert record == {'n': 1}


def test_fast_path_results_are_copies_in_the_sandbox() -> None:
    records = [{'id': 1, 'tags': 'a'}, {'id': 2, 'tags': 'b'}]

    def fetch() -> Any:
        return records

    code = 'rs = fetch()\nrs[0]["id"] = 99\nrs.append({})\nlen(rs)'
    m = monty_core.Monty(code, external_functions=['fetch'])
    assert m.run(external_functions={'fetch': fetch}) == 3
    assert records == [{'id': 1, 'tags': 'a'}, {'id': 2, 'tags': 'b'}]


@pytest.mark.parametrize(
    'result',
    [[{'a': object()}], [{'a': 1}, {'b': object()}], {'a': [object()]}, {object(): 1}],
    ids=['record value', 'second record', 'list in dict', 'key'],
)
def test_unconvertible_results_fail_as_before(result: Any) -> None:
    with pytest.raises(MontyConversionError) as fast:
        to_sandbox(result, 'return value of f()')
    with pytest.raises(MontyConversionError) as general:
        _Into('return value of f()').convert(result, 0)
    assert str(fast.value) == str(general.value)
    m = monty_core.Monty('try:\n    f()\nexcept TypeError as e:\n    r = str(e)\nr', external_functions=['f'])
    assert m.run(external_functions={'f': lambda: result}) == str(general.value)


def test_sandbox_results_leave_through_the_fast_path_as_copies() -> None:
    code = 'top = ["a", "b"]\nsummary = {"n": 2, "top": top, "same": top}\nsummary'
    value = _run_code(code)
    assert value == {'n': 2, 'top': ['a', 'b'], 'same': ['a', 'b']}
    assert value['top'] is value['same']
    sandbox_list = ['a']
    assert to_host(sandbox_list) is not sandbox_list


def test_plain_keyword_arguments_cross_as_they_are() -> None:
    assert plain_kwargs({'a': 1, 'b': 'x', 'c': None})
    assert not plain_kwargs({'a': [1]})

    class Key(str):
        pass

    assert not plain_kwargs({Key('a'): 1})
    received: list[Any] = []

    def f(*args: Any, **kwargs: Any) -> None:
        received.append((args, kwargs))

    code = """
class S(str):
    pass
class P:
    def __init__(self):
        self.v = 1
f('orders', user_id=3, flag=True)
f(**{S('k'): 1})
f(x=P())
f(x=[1, 2])
"""
    monty_core.Monty(code, external_functions=['f']).run(external_functions={'f': f})
    assert received[0] == (('orders',), {'user_id': 3, 'flag': True})
    (_, kwargs) = received[1]
    assert kwargs == {'k': 1} and all(type(k) is str for k in kwargs)
    assert received[2] == ((), {'x': {'v': 1}})
    assert received[3] == ((), {'x': [1, 2]})


# -- the watchdog and the REPL ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, 'fork'), reason='needs os.fork')
def test_watchdog_runs_in_a_forked_child() -> None:
    _run_code('1')  # the parent's watchdog thread exists
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit code
        code = 1
        try:
            # Each iteration is one tick and a few ms: only the watchdog brings the check in time.
            m = monty_core.Monty('x = list(range(10**6))\nwhile True:\n    x.sort()')
            start = time.perf_counter()
            try:
                m.run(limits={'max_duration_secs': 0.2})
            except monty_core.MontyRuntimeError as e:
                if e.type_name == 'TimeoutError' and time.perf_counter() - start < 1.5:
                    code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_time_limit_stops_calls_in_later_repl_snippets() -> None:
    repl = monty_core.MontyRepl(limits={'max_duration_secs': 0.3})
    repl.feed_run('x = 1')
    start = time.perf_counter()
    with pytest.raises(monty_core.MontyRuntimeError) as info:
        repl.feed_run('def f(n):\n    return 1 if n == 0 else f(n - 1) + f(n - 1)\nf(40)')
    assert info.value.type_name == 'TimeoutError'
    assert time.perf_counter() - start < 3


# -- a finished run is freed by reference counting ---------------------------------------------------


@pytest.mark.parametrize(
    ('code', 'functions'),
    [
        ('x = 1', {}),
        ('sum(i for i in range(10))', {}),
        ('f(1)\n[f(i) for i in range(3)]', {'f': lambda x: [x]}),
        ('print("hi")', {}),
        ('1 / 0', {}),
        ('f()', {'f': lambda: 1 / 0}),
        ('sorted([3, 1], key=lambda v: -v)', {}),
        ('while True:\n    pass', {}),
    ],
)
def test_a_finished_run_leaves_no_reference_cycles(code: str, functions: dict[str, Any]) -> None:
    m = monty_core.Monty(code, external_functions=list(functions))

    def run() -> None:
        try:
            m.run(
                external_functions=functions,
                print_callback=lambda s, t: None,
                limits={'max_duration_secs': 0.05},
            )
        except monty_core.MontyRuntimeError:
            pass

    run()
    gc.collect()
    gc.disable()
    try:
        run()
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_leftover_frames_of_a_finished_run_stop_at_once() -> None:
    # A generator suspended in a `try` outlives the run until the host drops it; its `finally` then
    # runs with the run over: calls, ticks, printing and imports raise instead of doing anything.
    code = """
def make(kind):
    try:
        yield 1
    finally:
        if kind == 'call':
            f()
        elif kind == 'loop':
            for i in range(10**9):
                pass
        elif kind == 'print':
            print('late')
        elif kind == 'import':
            import json
gens = [make(k) for k in ('call', 'loop', 'print', 'import')]
for g in gens:
    next(g)
len(gens)
"""
    calls: list[Any] = []
    printed: list[str] = []
    m = monty_core.Monty(code, external_functions=['f'])
    unraisable: list[Any] = []
    hook = sys.unraisablehook
    sys.unraisablehook = lambda u: unraisable.append(u.exc_type)
    try:
        start = time.perf_counter()
        value = m.run(
            external_functions={'f': lambda: calls.append(1)}, print_callback=lambda s, t: printed.append(t)
        )
        gc.collect()
        assert time.perf_counter() - start < 2
    finally:
        sys.unraisablehook = hook
    assert value == 4
    assert calls == [] and printed == []
    assert unraisable and all(issubclass(t, RuntimeError) for t in unraisable)
