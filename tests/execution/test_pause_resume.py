"""Pausing at host calls: `Monty.start()` / `MontySnapshot.resume()`, at any depth of the sandbox's code,
with values or exceptions, and `run()` with async host functions."""

from __future__ import annotations

import asyncio
import gc
import weakref
from typing import Any

import pytest

import monty_core
from monty_core import MontyComplete, MontyError, MontyRuntimeError, MontySnapshot


def drive(
    code: str, answer: Any = None, *, inputs: dict[str, Any] | None = None
) -> tuple[list[tuple[str, tuple[Any, ...], dict[str, Any]]], Any]:
    """Run `code` through start/resume, answering each `fetch`/`g` call with `answer(args)` (default: the
    first argument). Returns the calls made and the final output."""
    m = monty_core.Monty(code, inputs=list(inputs or {}), external_functions=['fetch', 'g'])
    progress = m.start(inputs=inputs)
    calls = []
    while isinstance(progress, MontySnapshot):
        calls.append((progress.function_name, progress.args, progress.kwargs))
        value = answer(progress.args) if answer else (progress.args[0] if progress.args else None)
        progress = progress.resume(return_value=value)
    assert isinstance(progress, MontyComplete)
    return calls, progress.output


def test_seed_start_resume() -> None:
    m = monty_core.Monty('data = fetch(url)\nlen(data)', inputs=['url'], external_functions=['fetch'])
    snap = m.start(inputs={'url': 'https://example.com'})
    assert isinstance(snap, MontySnapshot)
    assert (snap.function_name, snap.args, snap.kwargs) == ('fetch', ('https://example.com',), {})
    assert isinstance(snap.call_id, int)
    done = snap.resume(return_value='hello world')
    assert isinstance(done, MontyComplete)
    assert done.output == 11


def test_no_host_call_completes_at_start() -> None:
    done = monty_core.Monty('1 + 1').start()
    assert isinstance(done, MontyComplete) and done.output == 2
    assert monty_core.Monty('x = 1').start().output is None  # type: ignore[union-attr]


def test_kwargs_call_ids_and_repr() -> None:
    m = monty_core.Monty(
        'a = fetch(1, key="v", n=[1, 2])\nb = fetch(2)\n(a, b)', external_functions=['fetch']
    )
    first = m.start()
    assert isinstance(first, MontySnapshot)
    assert first.args == (1,) and first.kwargs == {'key': 'v', 'n': [1, 2]}
    assert 'fetch' in repr(first)
    second = first.resume(return_value='A')
    assert isinstance(second, MontySnapshot)
    assert second.call_id != first.call_id
    assert second.resume(return_value='B').output == ('A', 'B')  # type: ignore[union-attr]


def test_error_before_first_call_raises_from_start() -> None:
    with pytest.raises(MontyRuntimeError) as info:
        monty_core.Monty('1 / 0\nfetch(1)', external_functions=['fetch']).start()
    assert info.value.type_name == 'ZeroDivisionError'


WITH_CM = """
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
"""

DEPTHS = {
    'function': ('def f(x):\n    return fetch(x) + 1\nf(1)', 2),
    'nested functions': ('def a(x):\n    return b(x) * 10\ndef b(x):\n    return fetch(x)\na(3)', 30),
    'method': ('class A:\n    def m(self, x):\n        return fetch(x)\nA().m(2)', 2),
    'class body': ('class A:\n    y = fetch(3)\nA.y', 3),
    'property': ('class A:\n    @property\n    def p(self):\n        return fetch(9)\nA().p', 9),
    'dunder method': ('class A:\n    def __add__(self, o):\n        return fetch(o)\nA() + 4', 4),
    'decorator': ('def d(f):\n    fetch(0)\n    return f\n@d\ndef h():\n    return 5\nh()', 5),
    'list comprehension': ('[fetch(i) for i in range(3)]', [0, 1, 2]),
    'dict comprehension': ('{i: fetch(i) for i in range(3)}', {0: 0, 1: 1, 2: 2}),
    'set comprehension': ('sorted({fetch(i) for i in range(3)})', [0, 1, 2]),
    'generator expression': ('sum(fetch(i) for i in range(4))', 6),
    'generator function': (
        'def gen():\n    for i in range(3):\n        yield fetch(i)\nlist(gen())',
        [0, 1, 2],
    ),
    'yield from': ('def gen():\n    yield from map(fetch, [1, 2])\nlist(gen())', [1, 2]),
    'sorted key lambda': ('sorted([3, 1, 2], key=lambda x: fetch(-x))', [3, 2, 1]),
    'list.sort key': ('xs = [3, 1, 2]\nxs.sort(key=lambda x: fetch(x))\nxs', [1, 2, 3]),
    'min key': ('min([3, 1, 2], key=lambda x: fetch(x))', 1),
    'map lambda': ('list(map(lambda x: fetch(x), [1, 2]))', [1, 2]),
    'filter lambda': ('list(filter(lambda x: fetch(x) > 1, [1, 2, 3]))', [2, 3]),
    'any over generator': ('any(fetch(i) > 1 for i in range(5))', True),
    'f-string': ('f"<{fetch(5)}>"', '<5>'),
    'f-string __str__': ('class A:\n    def __str__(self):\n        return fetch("s")\nf"{A()}"', 's'),
    'with body': (WITH_CM + 'with CM():\n    r = fetch(6)\nr', 6),
    'finally block': ('try:\n    x = 1\nfinally:\n    y = fetch(7)\ny', 7),
    'finally while unwinding': (
        'try:\n    try:\n        1 / 0\n    finally:\n        y = fetch(7)\nexcept ZeroDivisionError:\n    pass\ny',
        7,
    ),
    'except handler': ('try:\n    1 / 0\nexcept ZeroDivisionError:\n    r = fetch(8)\nr', 8),
    'while condition': ('i = 0\nwhile fetch(i) < 2:\n    i += 1\ni', 2),
    'match subject': ('match fetch(1):\n    case 1:\n        r = "one"\nr', 'one'),
    'default argument': ('def f(x=fetch(4)):\n    return x\nf()', 4),
}


@pytest.mark.parametrize('code, expected', list(DEPTHS.values()), ids=list(DEPTHS))
def test_pause_at_depth(code: str, expected: Any) -> None:
    calls, output = drive(code)
    assert calls, 'the code should have paused at least once'
    assert all(name == 'fetch' for name, _, _ in calls)
    assert output == expected


def test_pause_in_nested_comprehension_inside_lambda_inside_method() -> None:
    code = """
class Ranker:
    def rank(self, items):
        return sorted(items, key=lambda it: sum(fetch(c) for c in it))
Ranker().rank(['bb', 'a', 'ccc'])
"""
    calls, output = drive(code, lambda args: 1)
    assert output == ['a', 'bb', 'ccc']
    assert [args for _, args, _ in calls] == [('b',), ('b',), ('a',), ('c',), ('c',), ('c',)]


def test_resumed_exception_is_caught_at_call_site() -> None:
    code = """
def get(x):
    try:
        return fetch(x)
    except ValueError as e:
        return 'caught: ' + str(e)
get('u')
"""
    snap = monty_core.Monty(code, external_functions=['fetch']).start()
    assert isinstance(snap, MontySnapshot)
    assert snap.resume(exception=ValueError('bad url')).output == 'caught: bad url'  # type: ignore[union-attr]


def test_resumed_exception_maps_to_nearest_builtin() -> None:
    class NotFound(KeyError):
        pass

    code = 'try:\n    fetch(1)\nexcept KeyError as e:\n    r = repr(e)\nr'
    snap = monty_core.Monty(code, external_functions=['fetch']).start()
    assert snap.resume(exception=NotFound('k')).output == "KeyError('k')"  # type: ignore[union-attr]


def test_resumed_exception_inside_comprehension_and_finally() -> None:
    code = """
log = []
def work():
    try:
        return [fetch(i) for i in range(3)]
    finally:
        log.append('cleanup')
try:
    work()
except RuntimeError as e:
    log.append(str(e))
log
"""
    m = monty_core.Monty(code, external_functions=['fetch'])
    snap = m.start()
    snap = snap.resume(return_value=0)  # type: ignore[union-attr]
    done = snap.resume(exception=RuntimeError('down'))  # type: ignore[union-attr]
    assert done.output == ['cleanup', 'down']  # type: ignore[union-attr]


def test_uncaught_resumed_exception_has_user_traceback() -> None:
    code = 'def g(x):\n    return fetch(x)\n\ndef f():\n    return g(1)\n\nf()'
    snap = monty_core.Monty(code, external_functions=['fetch'], script_name='job.py').start()
    with pytest.raises(MontyRuntimeError) as info:
        snap.resume(exception=ValueError('boom'))  # type: ignore[union-attr]
    err = info.value
    assert isinstance(err, MontyError)
    assert (err.type_name, err.message) == ('ValueError', 'boom')
    frames = err.traceback()
    assert [(f.line, f.function_name) for f in frames] == [(7, '<module>'), (5, 'f'), (2, 'g')]
    assert [f.source_line.strip() for f in frames if f.source_line] == [
        'f()',
        'return g(1)',
        'return fetch(x)',
    ]
    assert all(f.filename == 'job.py' for f in frames)
    shown = err.display()
    assert shown.startswith('Traceback (most recent call last):') and shown.endswith('ValueError: boom')
    assert 'monty_core' not in shown and 'greenlet' not in shown


def test_resume_arguments_are_checked() -> None:
    snap = monty_core.Monty('fetch(1)', external_functions=['fetch']).start()
    assert isinstance(snap, MontySnapshot)
    with pytest.raises(TypeError):
        snap.resume()
    with pytest.raises(TypeError):
        snap.resume(return_value=1, exception=ValueError('x'))
    with pytest.raises(TypeError):
        snap.resume(exception='not an exception')  # type: ignore[arg-type]
    with pytest.raises(MontyError):
        snap.resume(return_value=object())  # cannot cross the boundary
    assert snap.resume(return_value=None).output is None  # type: ignore[union-attr]


def test_resumed_values_are_copied_into_the_sandbox() -> None:
    code = 'x = fetch(1)\nx.append(4)\ny = fetch(2)\n(x, y)'
    m = monty_core.Monty(code, external_functions=['fetch'])
    host_list = [1, 2, 3]
    snap = m.start().resume(return_value=host_list)  # type: ignore[union-attr]
    assert host_list == [1, 2, 3]  # the sandbox mutated its own copy
    assert snap.resume(return_value=None).output == ([1, 2, 3, 4], None)  # type: ignore[union-attr]


def test_dropped_snapshot_does_not_leak_or_run_finally_blocks() -> None:
    # Known: the very first paused run of a process stays referenced after it is dropped (a one-time
    # retention, seen when this test runs first in its worker): warm the process up first.
    monty_core.Monty('fetch(0)', external_functions=['fetch']).start().close()  # type: ignore[union-attr]
    printed: list[str] = []
    code = 'data = list(range(1000))\ntry:\n    fetch(1)\nfinally:\n    print("finally")\n    fetch(2)\n'
    m = monty_core.Monty(code, external_functions=['fetch'])
    snap = m.start(print_callback=lambda stream, text: printed.append(text))
    assert isinstance(snap, MontySnapshot)
    execution = weakref.ref(snap._session.execution)
    del snap
    gc.collect()
    m2 = monty_core.Monty('fetch(1)', external_functions=['fetch'])
    m2.start()  # a safe point: the dropped run is abandoned here
    gc.collect()
    assert execution() is None, 'a dropped paused run must be freed'
    assert printed == [], 'sandbox code must not run after its snapshot was dropped'


# -- run() with async host functions ----------------------------------------------------------------


async def _double(x: int) -> int:
    await asyncio.sleep(0)
    return 2 * x


def test_run_with_async_host_function_outside_event_loop() -> None:
    m = monty_core.Monty('(await fetch(1)) + (await fetch(2))', external_functions=['fetch'])
    assert m.run(external_functions={'fetch': _double}) == 6
    # awaited in sandbox async code, and gathered
    code = (
        'import asyncio\nasync def main():\n    return await asyncio.gather(fetch(1), fetch(2))\nawait main()'
    )
    m = monty_core.Monty(code, external_functions=['fetch'])
    assert m.run(external_functions={'fetch': _double}) == [2, 4]


def test_run_with_async_host_function_inside_event_loop_is_a_host_error() -> None:
    code = 'try:\n    r = await fetch(1)\nexcept Exception as e:\n    r = "swallowed"\nr'
    m = monty_core.Monty(code, external_functions=['fetch'])

    async def main() -> None:
        with pytest.raises(MontyError, match='run_monty_async'):
            m.run(external_functions={'fetch': _double})

    asyncio.run(main())


def test_run_host_base_exception_propagates_and_abandons() -> None:
    def boom(x: int) -> int:
        raise KeyboardInterrupt

    printed: list[str] = []
    m = monty_core.Monty('try:\n    fetch(1)\nfinally:\n    print("no")', external_functions=['fetch'])
    with pytest.raises(KeyboardInterrupt):
        m.run(external_functions={'fetch': boom}, print_callback=lambda s, t: printed.append(t))
    gc.collect()
    assert printed == []
    assert m.run(external_functions={'fetch': lambda x: x}) is None  # still usable
