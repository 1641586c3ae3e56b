"""`MontyRepl`: state that persists across snippets, failures that keep earlier state, pausing snippets,
and dump/load (in-process and in another process)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

import monty_core
from monty_core import (
    MontyComplete,
    MontyFutureSnapshot,
    MontyRepl,
    MontyRuntimeError,
    MontySnapshot,
    MontySnapshotError,
    MontySyntaxError,
)
from monty_core.execution.encoding import MAGIC, pack, unpack


def test_globals_functions_and_classes_persist() -> None:
    repl = MontyRepl()
    assert repl.feed_run('x = 10\ndef add(a):\n    return a + x') is None
    assert repl.feed_run('class Box:\n    def __init__(self, v):\n        self.v = add(v)') is None
    assert repl.feed_run('b = Box(5)\nb.v') == 15
    assert repl.feed_run('x = 100\nBox(1).v') == 101  # functions see later global updates
    assert repl.feed_run('[b.v, add(0)]') == [15, 100]


def test_value_of_last_expression_only() -> None:
    repl = MontyRepl()
    assert repl.feed_run('1\n2') == 2
    assert repl.feed_run('y = 3') is None
    assert repl.feed_run('y') == 3


def test_failed_snippet_keeps_earlier_state() -> None:
    repl = MontyRepl(script_name='session.py')
    repl.feed_run('a = 1\nitems = [1]')
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed_run('items.append(2)\nmissing_name')
    assert info.value.type_name == 'NameError'
    assert [(f.line, f.filename) for f in info.value.traceback()] == [(2, 'session.py')]
    with pytest.raises(MontySyntaxError):
        repl.feed_run('def broken(:')
    # Like Python's REPL: work done before the failure stays, earlier state is intact.
    assert repl.feed_run('(a, items)') == (1, [1, 2])


def test_failed_snippet_with_limit_keeps_the_repl_usable() -> None:
    repl = MontyRepl(limits={'max_duration_secs': 0.2})
    repl.feed_run('n = 1')
    with pytest.raises(MontyRuntimeError) as info:
        repl.feed_run('while True:\n    n += 1')
    assert info.value.type_name == 'TimeoutError'
    assert repl.feed_run('n > 1') is True


def test_inputs_and_external_functions_per_snippet() -> None:
    repl = MontyRepl()
    repl.feed_run(
        'def lookup(k):\n    return fetch(k) * factor',
        inputs={'factor': 2},
        external_functions={'fetch': len},
    )
    assert repl.feed_run('lookup("abc")', external_functions={'fetch': len}) == 6
    assert repl.feed_run('lookup("abc") + factor', external_functions={'fetch': lambda k: 10}) == 22
    with pytest.raises(MontyRuntimeError, match='fetch'):
        repl.feed_run('lookup("x")')  # no host function given for this snippet


def test_feed_start_pauses_and_persists_after_resume() -> None:
    repl = MontyRepl()
    repl.feed_run('base = 1')
    snap = repl.feed_start('got = fetch(base)\ngot + 1', external_functions=['fetch'])
    assert isinstance(snap, MontySnapshot) and (snap.function_name, snap.args) == ('fetch', (1,))
    done = snap.resume(return_value=41)
    assert isinstance(done, MontyComplete) and done.output == 42
    assert repl.feed_run('got') == 41
    assert isinstance(repl.feed_start('base * 3'), MontyComplete)


def test_feed_start_with_gathered_futures() -> None:
    repl = MontyRepl()
    p = repl.feed_start(
        'import asyncio\nres = await asyncio.gather(g(1), g(2))\nres', external_functions=['g']
    )
    while isinstance(p, MontySnapshot):
        p = p.resume(future=...)
    assert isinstance(p, MontyFutureSnapshot)
    first, second = p.pending_call_ids
    p = p.resume({second: {'return_value': 'b'}})
    done = p.resume({first: {'return_value': 'a'}})  # type: ignore[union-attr]
    assert done.output == ['a', 'b']  # type: ignore[union-attr]
    assert repl.feed_run('res') == ['a', 'b']
    assert MontyRepl.load(repl.dump()).feed_run('res') == ['a', 'b']


def test_dump_load_restores_state_without_printing_again() -> None:
    printed: list[str] = []
    repl = MontyRepl(script_name='nb.py', limits={'max_recursion_depth': 50})
    cb = lambda stream, text: printed.append(text)  # noqa: E731
    repl.feed_run('print("hello")\ncounter = [0]', print_callback=cb)
    repl.feed_run(
        'def bump():\n    counter[0] += fetch(1)\n    return counter[0]', external_functions={'fetch': int}
    )
    repl.feed_run('bump()\nbump()', external_functions={'fetch': lambda x: x * 5})
    try:
        repl.feed_run('counter.append("partial")\n1 / 0')
    except MontyRuntimeError:
        pass
    data = repl.dump()
    assert isinstance(data, bytes) and data.startswith(MAGIC)
    printed.clear()
    restored = MontyRepl.load(data)
    assert printed == []
    assert restored.script_name == 'nb.py' and restored.limits['max_recursion_depth'] == 50
    assert restored.feed_run('counter') == [10, 'partial']
    assert restored.feed_run('bump()', external_functions={'fetch': lambda x: 1}) == 11
    assert repl.feed_run('counter[0]') == 10  # the original is independent of the restored copy


def test_dump_keeps_type_check_settings() -> None:
    repl = MontyRepl(type_check=True, type_check_stubs='x: int = 0')
    restored = MontyRepl.load(repl.dump())
    assert restored.type_check is True and restored.type_check_stubs == 'x: int = 0'


def test_load_with_other_limits() -> None:
    repl = MontyRepl()
    repl.feed_run('n = 0')
    restored = MontyRepl.load(repl.dump(), limits={'max_duration_secs': 0.2})
    with pytest.raises(MontyRuntimeError, match='TimeoutError'):
        restored.feed_run('while True:\n    n += 1')


def test_snapshot_of_a_repl_snippet_replays_the_earlier_snippets() -> None:
    repl = MontyRepl()
    repl.feed_run('def greet(name):\n    return "hi " + name')
    snap = repl.feed_start('who = fetch()\ngreet(who)', external_functions=['fetch'])
    assert isinstance(snap, MontySnapshot)
    loaded = MontySnapshot.load(snap.dump())
    assert loaded.resume(return_value='ann').output == 'hi ann'  # type: ignore[union-attr]
    assert snap.resume(return_value='bob').output == 'hi bob'  # type: ignore[union-attr]


def test_repl_load_in_another_process_with_another_hash_seed() -> None:
    repl = MontyRepl()
    repl.feed_run(
        'data = {"k": [1, 2]}\ndef total():\n    return sum(data["k"]) + extra', inputs={'extra': 3}
    )
    repl.feed_run('data["k"].append(fetch())', external_functions={'fetch': lambda: 10})
    child = 'import sys, monty_core\nr = monty_core.MontyRepl.load(sys.stdin.buffer.read())\nprint(r.feed_run("total()"))'
    out = subprocess.run(
        [sys.executable, '-c', child],
        input=repl.dump(),
        capture_output=True,
        env={**os.environ, 'PYTHONHASHSEED': '7'},
        timeout=60,
        check=True,
    )
    assert out.stdout.decode().strip() == '16'


def test_tampered_repl_dump_is_refused() -> None:
    repl = MontyRepl()
    repl.feed_run('x = fetch()', external_functions={'fetch': lambda: 1})
    data = repl.dump()
    for i in range(0, len(data), 7):
        corrupted = bytearray(data)
        corrupted[i] ^= 0x01
        with pytest.raises(MontySnapshotError):
            MontyRepl.load(bytes(corrupted))
    doc = unpack(data, 'monty-repl')
    bad: list[dict[str, Any]] = [
        {**doc, 'history': 5},
        {**doc, 'history': [[5, []]]},
        {**doc, 'limits': {'nope': 1}},
        {**doc, 'script_name': 3},
        {**doc, 'type_check': 'yes'},
    ]
    diverging = unpack(data, 'monty-repl')
    diverging['history'][0][1][0]['reply'] = ['return', 'other answer']  # replays, but...
    diverging['history'][0][0]['code'] = 'x = fetch(1)'  # ...the call is not the logged one
    bad.append(diverging)
    for document in bad:
        with pytest.raises(MontySnapshotError):
            MontyRepl.load(pack(document))


def test_repl_is_exported() -> None:
    assert monty_core.MontyRepl is MontyRepl
    assert 'snippets=0' in repr(MontyRepl())
