"""Snapshots as verified replay logs (DESIGN.md decision 5): dump/load of `Monty`, `MontySnapshot` and
`MontyFutureSnapshot`, loading in other processes (with other hash seeds), forking, tampering,
divergence, and the determinism the replay relies on."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

import monty_core
from monty_core import (
    MontyComplete,
    MontyError,
    MontyFutureSnapshot,
    MontyRuntimeError,
    MontySnapshot,
    MontySnapshotError,
)
from monty_core.execution.encoding import FORMAT_VERSION, MAGIC, pack

HEADER = len(MAGIC) + 1 + 32  # magic, version byte, SHA-256 digest

PIPELINE = """
results = []
for i in range(n):
    results.append(fetch(i))
print('halfway', results)
total = sum(results) + score(x=results[-1])
print('total', total)
total
"""


def pipeline() -> monty_core.Monty:
    return monty_core.Monty(PIPELINE, inputs=['n'], external_functions=['fetch', 'score'])


def body(data: bytes) -> dict[str, Any]:
    assert data.startswith(MAGIC) and data[len(MAGIC)] == FORMAT_VERSION
    return json.loads(data[HEADER:])


def finish(
    progress: Any, answer: Callable[[MontySnapshot], Any] = lambda s: s.args[0] if s.args else 1
) -> Any:
    while isinstance(progress, MontySnapshot):
        progress = progress.resume(return_value=answer(progress))
    assert isinstance(progress, MontyComplete)
    return progress.output


def run_child(script: str, data: bytes, seed: str = '0') -> str:
    env = {**os.environ, 'PYTHONHASHSEED': seed}
    proc = subprocess.run(
        [sys.executable, '-c', script], input=data, capture_output=True, env=env, timeout=60, check=False
    )
    if proc.returncode != 0:
        raise AssertionError(proc.stderr.decode())
    return proc.stdout.decode().strip().splitlines()[-1]  # the last line: the sandbox may print too


# -- dump / load in-process ---------------------------------------------------------------------------


def test_monty_dump_load() -> None:
    m = monty_core.Monty('x + 1', inputs=['x'], external_functions=['f'], script_name='calc.py')
    data = m.dump()
    assert isinstance(data, bytes) and data.startswith(MAGIC)
    m2 = monty_core.Monty.load(data)
    assert (m2.script_name, m2.inputs, m2.external_functions) == ('calc.py', ('x',), ('f',))
    assert m2.run(inputs={'x': 41}, external_functions={'f': print}) == 42


def test_snapshot_dump_load_resume() -> None:
    snap = pipeline().start(inputs={'n': 3})
    snap = snap.resume(return_value=10)  # type: ignore[union-attr]
    data = snap.dump()  # type: ignore[union-attr]
    loaded = MontySnapshot.load(data)
    assert (loaded.function_name, loaded.args, loaded.kwargs) == ('fetch', (1,), {})
    assert loaded.call_id == snap.call_id  # type: ignore[union-attr]
    assert finish(loaded) == 10 + 1 + 2 + 1  # score() has no positional args: answered 1


def test_output_before_the_snapshot_is_not_printed_again() -> None:
    printed: list[str] = []
    m = pipeline()
    snap = m.start(inputs={'n': 1}, print_callback=lambda stream, text: printed.append(text))
    snap = snap.resume(return_value=5)  # type: ignore[union-attr]
    assert isinstance(snap, MontySnapshot) and snap.function_name == 'score'
    assert ''.join(printed) == 'halfway [5]\n'
    later: list[str] = []
    loaded = MontySnapshot.load(snap.dump(), print_callback=lambda stream, text: later.append(text))
    assert later == []  # replaying up to the pause printed nothing
    assert loaded.resume(return_value=1).output == 6  # type: ignore[union-attr]
    assert ''.join(later) == 'total 6\n'


def test_snapshot_keeps_inputs_limits_and_elapsed_time() -> None:
    m = monty_core.Monty('fetch(data)\nwhile True:\n    pass', inputs=['data'], external_functions=['fetch'])
    snap = m.start(inputs={'data': {'k': [1, 2.5, None, (True, b'x')]}}, limits={'max_duration_secs': 0.2})
    assert isinstance(snap, MontySnapshot)
    assert snap.args == ({'k': [1, 2.5, None, (True, b'x')]},)
    loaded = MontySnapshot.load(snap.dump())
    assert loaded.args == snap.args
    start = time.perf_counter()
    with pytest.raises(MontyRuntimeError) as info:
        loaded.resume(return_value=None)
    assert info.value.type_name == 'TimeoutError'
    assert time.perf_counter() - start < 2


def test_future_snapshot_dump_load() -> None:
    code = 'import asyncio\nprint("gathering")\nr = await asyncio.gather(fetch(1), fetch(2), fetch(3))\nr'
    m = monty_core.Monty(code, external_functions=['fetch'])
    p = m.start(print_callback=lambda s, t: None)
    while isinstance(p, MontySnapshot):
        p = p.resume(future=...)
    assert isinstance(p, MontyFutureSnapshot)
    ids = p.pending_call_ids
    partly = p.resume({ids[1]: {'return_value': 'b'}})
    assert isinstance(partly, MontyFutureSnapshot)
    printed: list[str] = []
    loaded = MontyFutureSnapshot.load(partly.dump(), print_callback=lambda s, t: printed.append(t))
    assert loaded.pending_call_ids == [ids[0], ids[2]]
    done = loaded.resume({ids[2]: {'return_value': 'c'}, ids[0]: {'return_value': 'a'}})
    assert done.output == ['a', 'b', 'c']  # type: ignore[union-attr]
    assert printed == []


# -- forking --------------------------------------------------------------------------------------------


def test_resume_the_same_snapshot_twice_gives_independent_runs() -> None:
    code = 'acc = []\nacc.append(fetch(1))\nacc.append(fetch(2))\nacc'
    m = monty_core.Monty(code, external_functions=['fetch'])
    snap = m.start().resume(return_value='first')  # type: ignore[union-attr]
    assert isinstance(snap, MontySnapshot)
    a = snap.resume(return_value='A')  # the live run
    b = snap.resume(return_value='B')  # a replayed fork
    assert a.output == ['first', 'A']  # type: ignore[union-attr]
    assert b.output == ['first', 'B']  # type: ignore[union-attr]
    # an earlier snapshot still forks after its run went on
    first = m.start()
    first.resume(return_value=1).resume(return_value=2)  # type: ignore[union-attr]
    assert finish(first, lambda s: s.args[0] * 100) == [100, 200]


def test_load_the_same_bytes_twice_gives_independent_runs() -> None:
    code = 'acc = [fetch(1)]\nacc.append(fetch(2))\nacc'
    snap = monty_core.Monty(code, external_functions=['fetch']).start().resume(return_value=0)  # type: ignore[union-attr]
    data = snap.dump()  # type: ignore[union-attr]
    one, two = MontySnapshot.load(data), MontySnapshot.load(data)
    assert one.resume(return_value='x').output == [0, 'x']  # type: ignore[union-attr]
    assert two.resume(return_value='y').output == [0, 'y']  # type: ignore[union-attr]
    assert one.resume(return_value='z').output == [0, 'z']  # type: ignore[union-attr]


def test_fork_a_future_snapshot() -> None:
    code = 'import asyncio\nawait asyncio.gather(fetch(1), fetch(2))'
    p = monty_core.Monty(code, external_functions=['fetch']).start()
    while isinstance(p, MontySnapshot):
        p = p.resume(future=...)
    assert isinstance(p, MontyFutureSnapshot)
    i, j = p.pending_call_ids
    assert p.resume({i: {'return_value': 1}, j: {'return_value': 2}}).output == [1, 2]  # type: ignore[union-attr]
    assert p.resume({j: {'return_value': 'b'}, i: {'return_value': 'a'}}).output == ['a', 'b']  # type: ignore[union-attr]


def test_resume_from_another_thread_replays() -> None:
    snap = monty_core.Monty('fetch(1) + fetch(2)', external_functions=['fetch']).start()
    results: list[Any] = []

    def worker() -> None:
        results.append(finish(snap, lambda s: s.args[0] * 10))

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert results == [30]
    assert finish(snap) == 3  # the live run is still usable on its own thread


# -- other processes and hash seeds ---------------------------------------------------------------------

CHILD_FINISH = """
import sys, monty_core
snap = monty_core.MontySnapshot.load(sys.stdin.buffer.read())
calls = []
while isinstance(snap, monty_core.MontySnapshot):
    calls.append((snap.function_name, snap.args, snap.kwargs))
    snap = snap.resume(return_value=len(calls))
print(repr((calls, snap.output)))
"""


def test_load_in_another_process() -> None:
    snap = pipeline().start(inputs={'n': 2})
    data = snap.resume(return_value=7).dump()  # type: ignore[union-attr]
    calls, output = eval(run_child(CHILD_FINISH, data))
    assert calls == [('fetch', (1,), {}), ('score', (), {'x': 1})]
    assert output == 7 + 1 + 2


DETERMINISTIC = """
names = {'alpha': 1, 'beta': 2, 'gamma': 3}
tags = sorted({'x', 'y', 'z'})
for key in names:
    fetch(key, tag=tags[names[key] - 1])
members = frozenset({'p', 'q'})
check(members, {'s', 't'})
'done'
"""


@pytest.mark.parametrize('seed', ['1', '2', '3'])
def test_replay_is_deterministic_across_hash_seeds(seed: str) -> None:
    m = monty_core.Monty(DETERMINISTIC, external_functions=['fetch', 'check'])
    snap = m.start()
    for _ in range(3):
        snap = snap.resume(return_value=None)  # type: ignore[union-attr]
    assert isinstance(snap, MontySnapshot) and snap.function_name == 'check'  # sets as host arguments
    data = snap.dump()
    calls, output = eval(run_child(CHILD_FINISH, data, seed=seed))
    assert calls == [('check', (frozenset({'p', 'q'}), {'s', 't'}), {})]
    assert output == 'done'


SET_ORDER = """
for word in {'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'}:
    fetch(word)
"""


def test_set_of_strings_iteration_replays_across_hash_seeds() -> None:
    data = monty_core.Monty(SET_ORDER, external_functions=['fetch']).start().resume(return_value=None).dump()  # type: ignore[union-attr]
    outs = {run_child(CHILD_FINISH, data, seed=seed) for seed in ('11', '12', '13')}
    assert len(outs) == 1


def test_set_of_strings_loads_under_any_hash_seed() -> None:
    data = monty_core.Monty(SET_ORDER, external_functions=['fetch']).start().dump()  # type: ignore[union-attr]
    script = 'import sys, monty_core\ntry:\n    s = monty_core.MontySnapshot.load(sys.stdin.buffer.read())\n'
    script += 'except monty_core.MontySnapshotError as e:\n    print(e)\nelse:\n    print(s.args)'
    outs = {run_child(script, data, seed=seed) for seed in ('21', '22', '23')}
    assert outs == {"('alpha',)"}, outs


SET_PATHS = """
words = {'pear', 'fig', 'apple', 'kiwi'}
for w in words:
    fetch('loop', w)
[fetch('comp', w) for w in words]
list(map(lambda w: fetch('map', w), words))
fetch('first', next(iter(words)))
fetch('sum', sum(len(w) for w in words))
"""


def test_set_iteration_paths_are_the_same_in_every_process() -> None:
    script = (
        'import monty_core\ncalls = []\n'
        f'monty_core.Monty({SET_PATHS!r}, external_functions=["fetch"]).run('
        'external_functions={"fetch": lambda *a: calls.append(a)})\nprint(calls)'
    )
    outs = {run_child(script, b'', seed=seed) for seed in ('41', '42', '43')}
    assert len(outs) == 1, outs


def test_same_program_same_answers_same_calls() -> None:
    code = """
import asyncio
async def worker(i):
    await asyncio.sleep(0.01 * (3 - i))
    return await fetch(i)
data = {'b': 2, 'a': 1}
out = await asyncio.gather(*[worker(i) for i in range(3)])
for k, v in sorted(data.items()):
    out.append(plain(k, v))
out
"""

    def trace() -> list[Any]:
        p = monty_core.Monty(code, external_functions=['fetch', 'plain']).start()
        seen: list[Any] = []
        while not isinstance(p, MontyComplete):
            if isinstance(p, MontySnapshot):
                seen.append((p.function_name, p.args))
                p = p.resume(future=...) if p.function_name == 'fetch' else p.resume(return_value=p.args)
            else:
                seen.append(tuple(p.pending_call_ids))
                p = p.resume({cid: {'return_value': cid} for cid in p.pending_call_ids})
        seen.append(p.output)
        return seen

    assert trace() == trace() == trace()


@pytest.mark.parametrize(
    'code',
    [
        'import time\ntime.time()',
        'import random\nrandom.random()',
        'import datetime\ndatetime.datetime.now()',
        'import datetime\ndatetime.date.today()',
        'import uuid\nuuid.uuid4()',
    ],
)
def test_no_clock_or_randomness_without_a_host_hook(code: str) -> None:
    with pytest.raises(MontyRuntimeError) as info:
        monty_core.Monty(code).run()
    assert 'not available' in info.value.message


def test_no_os_module() -> None:
    with pytest.raises(MontyRuntimeError) as info:
        monty_core.Monty('import os').run()
    assert info.value.type_name in ('ModuleNotFoundError', 'ImportError')


def test_id_is_the_fake_address() -> None:
    code = 'class A:\n    pass\na = A()\n[hex(id(a)) in repr(a), id(a) == id(a), id(a) != id(A())]'
    assert monty_core.Monty(code).run() == [True, True, True]
    assert monty_core.Monty('id(1)').run() == monty_core.Monty('id(2)').run()  # the first object seen


@pytest.mark.parametrize(
    'expr',
    [
        'hash("a")',
        'hash(None)',
        'class A:\n    pass\nrepr(A())',
        'def f():\n    pass\nrepr(f)',
        '[id(1), id(None), id(len), id(object())]',
    ],
)
def test_nothing_exposes_process_state(expr: str) -> None:
    script = f'import monty_core\nprint(repr(monty_core.Monty({expr!r}).run()))'
    outs = {run_child(script, b'', seed=seed) for seed in ('31', '32')}
    assert len(outs) == 1, outs


# -- tampering, garbage, malformed documents ---------------------------------------------------------------


def small_snapshot() -> bytes:
    m = monty_core.Monty('a = fetch(1)\nb = fetch(a)\na + b', external_functions=['fetch'])
    return m.start().resume(return_value=3).dump()  # type: ignore[union-attr]


def test_every_flipped_byte_is_refused() -> None:
    data = small_snapshot()
    for i in range(len(data)):
        corrupted = bytearray(data)
        corrupted[i] ^= 0x20
        with pytest.raises(MontySnapshotError):
            MontySnapshot.load(bytes(corrupted))


def test_truncated_and_extended_data_is_refused() -> None:
    data = small_snapshot()
    for n in range(len(data)):
        with pytest.raises(MontySnapshotError):
            MontySnapshot.load(data[:n])
    with pytest.raises(MontySnapshotError):
        MontySnapshot.load(data + b' ')


@pytest.mark.parametrize(
    'garbage',
    [b'', b'MONTY', b'\x00' * 100, b'{"kind": "monty-snapshot"}', os.urandom(200), 'a string', None, 42],
    ids=['empty', 'magic only', 'zeros', 'json', 'random', 'str', 'None', 'int'],
)
def test_garbage_is_refused(garbage: Any) -> None:
    for loader in (
        MontySnapshot.load,
        MontyFutureSnapshot.load,
        monty_core.Monty.load,
        monty_core.MontyRepl.load,
    ):
        with pytest.raises(MontySnapshotError) as info:
            loader(garbage)
        assert isinstance(info.value, MontyError)


def test_wrong_version_is_refused() -> None:
    data = bytearray(small_snapshot())
    data[len(MAGIC)] = FORMAT_VERSION + 1
    with pytest.raises(MontySnapshotError, match='version'):
        MontySnapshot.load(bytes(data))


def test_wrong_kind_is_refused() -> None:
    kinds = {
        'monty': monty_core.Monty('1').dump(),
        'snapshot': small_snapshot(),
        'repl': monty_core.MontyRepl().dump(),
    }
    loaders = {
        'monty': monty_core.Monty.load,
        'snapshot': MontySnapshot.load,
        'future': MontyFutureSnapshot.load,
        'repl': monty_core.MontyRepl.load,
    }
    for kind, data in kinds.items():
        for name, loader in loaders.items():
            if name != kind:
                with pytest.raises(MontySnapshotError, match='expected a'):
                    loader(data)


def test_deeply_nested_json_is_refused() -> None:
    inner = b'[' * 100_000 + b']' * 100_000
    data = MAGIC + bytes([FORMAT_VERSION]) + hashlib.sha256(inner).digest() + inner
    with pytest.raises(MontySnapshotError):
        MontySnapshot.load(data)


def _mutations() -> dict[str, Callable[[dict[str, Any]], None]]:
    def setter(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
        def apply(doc: dict[str, Any]) -> None:
            target: Any = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value

        return apply

    reply = ['log', 0, 'reply']
    return {
        'no spec': lambda d: d.pop('spec'),
        'spec is a number': setter(['spec'], 5),
        'log is null': setter(['log'], None),
        'log entry is a number': setter(['log'], [5]),
        'log entry is empty': setter(['log'], [{}]),
        'log entry has extra keys': lambda d: d['log'][0].update(extra=1),
        'reply is null': setter(reply, None),
        'reply kind unknown': setter(reply, ['continue']),
        'reply raises SystemExit': setter(reply, ['raise', 'SystemExit', {'t': []}]),
        'reply raises KeyboardInterrupt': setter(reply, ['raise', 'KeyboardInterrupt', {'t': []}]),
        'reply raises a non-exception': setter(reply, ['raise', 'print', {'t': []}]),
        'exception args not a tuple': setter(reply, ['raise', 'ValueError', 5]),
        'unknown value tag': setter(reply, ['return', {'zz': 1}]),
        'unhashable set member': setter(reply, ['return', {'s': [[1]]}]),
        'zero range step': setter(reply, ['return', {'r': [0, 1, 0]}]),
        'bad base64': setter(reply, ['return', {'b': '***'}]),
        'future for a sync call': setter(reply, ['future']),
        'futures reply for a call': setter(reply, ['futures', {'x': ['return', 1]}]),
        'output_chars negative': setter(['output_chars'], -5),
        'output_chars a string': setter(['output_chars'], 'x'),
        'elapsed not a number': setter(['elapsed'], 'nan'),
        'code not a string': setter(['spec', 'code'], 5),
        'code does not compile': setter(['spec', 'code'], 'x = ('),
        'code outside the subset': setter(['spec', 'code'], 'import os'),
        'unknown limit': setter(['spec', 'limits'], {'evil': 1}),
        'limit not a number': setter(['spec', 'limits'], {'max_duration_secs': 'x'}),
        'negative limit': setter(['spec', 'limits'], {'max_duration_secs': -1}),
        'limits not an object': setter(['spec', 'limits'], []),
        'private function name': setter(['spec', 'external_functions'], ['_m_ticker']),
        'dunder function name': setter(['spec', 'external_functions'], ['__builtins__']),
        'input name shadowing builtins dict': lambda d: d['spec'].update(
            input_names=['__builtins__'], inputs={'__builtins__': {'d': []}}
        ),
        'inputs not matching names': setter(['spec', 'inputs'], {'x': 1}),
        'history not a list': setter(['spec', 'history'], 5),
        'history entry malformed': setter(['spec', 'history'], [[5, 5]]),
        'no functions declared': setter(['spec', 'external_functions'], []),
    }


MUTATIONS = _mutations()


@pytest.mark.parametrize('name', list(MUTATIONS))
def test_malformed_document_with_valid_digest_is_refused(name: str) -> None:
    doc = body(small_snapshot())
    MUTATIONS[name](doc)
    with pytest.raises(MontySnapshotError):
        MontySnapshot.load(pack(doc))


def test_malformed_monty_documents_are_refused() -> None:
    good = body(monty_core.Monty('x', inputs=['x']).dump())
    for change in (
        {'code': 5},
        {'code': 'x = ('},
        {'inputs': ['_private']},
        {'inputs': 'x'},
        {'script_name': []},
    ):
        with pytest.raises(MontySnapshotError):
            monty_core.Monty.load(pack({**good, **change}))


# -- divergence -------------------------------------------------------------------------------------------


def test_replay_checks_each_call_against_the_log() -> None:
    doc = body(small_snapshot())
    doc['log'][0]['event'][2] = {'t': [2]}  # the log says fetch(2); the code calls fetch(1)
    with pytest.raises(MontySnapshotError, match=r'diverged at host interaction 1.*fetch\(2\).*fetch\(1\)'):
        MontySnapshot.load(pack(doc))

    doc = body(small_snapshot())
    doc['log'][0]['event'][1] = 'other'
    with pytest.raises(MontySnapshotError, match=r'other\(1\)'):
        MontySnapshot.load(pack(doc))

    doc = body(small_snapshot())
    doc['log'][0]['event'][2] = {'t': [True]}  # True == 1 in JSON, but it is not the same call
    with pytest.raises(MontySnapshotError, match='diverged'):
        MontySnapshot.load(pack(doc))


def test_replay_of_other_code_diverges() -> None:
    doc = body(small_snapshot())
    doc['spec']['code'] = 'a = fetch(5)\nb = fetch(a)\na + b'
    with pytest.raises(MontySnapshotError, match=r'fetch\(1\).*fetch\(5\)'):
        MontySnapshot.load(pack(doc))
    doc = body(small_snapshot())
    doc['spec']['code'] = '1 / 0'
    with pytest.raises(MontySnapshotError, match='ZeroDivisionError'):
        MontySnapshot.load(pack(doc))


def test_log_longer_than_the_program_is_refused() -> None:
    doc = body(small_snapshot())
    doc['log'] = doc['log'] * 3
    with pytest.raises(MontySnapshotError, match='diverged at host interaction 2'):
        MontySnapshot.load(pack(doc))


def test_log_that_replays_to_the_end_is_not_a_snapshot() -> None:
    doc = body(small_snapshot())
    doc['log'].append({'event': ['call', 'fetch', {'t': [3]}, {'d': []}], 'reply': ['return', 4]})
    with pytest.raises(MontySnapshotError, match='did not replay to a MontySnapshot'):
        MontySnapshot.load(pack(doc))


def test_forged_snapshot_runs_under_the_loaders_limits() -> None:
    doc = body(small_snapshot())
    doc['spec']['code'] = 'while True:\n    pass'
    doc['spec']['limits'] = {'max_duration_secs': None}
    start = time.perf_counter()
    with pytest.raises(MontySnapshotError, match='TimeoutError'):
        MontySnapshot.load(pack(doc), limits={'max_duration_secs': 0.2})
    assert time.perf_counter() - start < 2


def test_exception_replies_replay() -> None:
    code = 'try:\n    fetch(1)\nexcept KeyError as e:\n    r = repr(e)\nfetch(r)'
    snap = monty_core.Monty(code, external_functions=['fetch']).start()
    snap = snap.resume(exception=KeyError('missing'))  # type: ignore[union-attr]
    loaded = MontySnapshot.load(snap.dump())  # type: ignore[union-attr]
    assert loaded.args == ("KeyError('missing')",)


def test_unencodable_answer_keeps_the_run_going_but_refuses_dump() -> None:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    snap = monty_core.Monty('x = fetch(1)\nfetch(len(x))\n"ok"', external_functions=['fetch']).start()
    snap = snap.resume(return_value=cyclic)  # type: ignore[union-attr]
    assert isinstance(snap, MontySnapshot) and snap.args == (1,)
    with pytest.raises(MontySnapshotError, match='cannot be snapshotted'):
        snap.dump()
    assert snap.resume(return_value=None).output == 'ok'  # type: ignore[union-attr]


def test_every_kind_of_interaction_is_logged_in_its_document_form() -> None:
    # Plain atoms both ways are logged as they are and encoded only when dumped: the document must be
    # the same as for the interactions encoded at once (containers, keywords, exceptions, futures).
    code = (
        'a = [fetch(1), fetch(True), fetch(None), fetch(1.5), fetch("s"), fetch(b"b"), fetch(2j)]\n'
        'b = [fetch([1]), fetch(x=1), fetch((1, 2.5))]\n'
        'try:\n    fetch(3)\nexcept KeyError:\n    pass\n'
        'async def main():\n    return await fetch(4)\n'
        'c = await main()\n'
        'fetch(a, b, c)'
    )
    answers: list[Any] = [1, True, None, 0.25, 's', b'b', 2j, [2], {'k': (1,)}, 'x']
    progress = monty_core.Monty(code, external_functions=['fetch']).start()
    for answer in answers:
        assert isinstance(progress, MontySnapshot)
        progress = progress.resume(return_value=answer)
    assert isinstance(progress, MontySnapshot) and progress.args == (3,)
    progress = progress.resume(exception=KeyError('k'))
    assert isinstance(progress, MontySnapshot) and progress.args == (4,)
    call_id = progress.call_id
    progress = progress.resume(future=...)
    assert isinstance(progress, MontyFutureSnapshot)
    progress = progress.resume({call_id: {'return_value': 5}})
    assert isinstance(progress, MontySnapshot)
    assert progress.args == ([1, True, None, 0.25, 's', b'b', 2j], [[2], {'k': (1,)}, 'x'], 5)
    log = body(progress.dump())['log']
    t = lambda *items: {'t': list(items)}  # noqa: E731
    calls = [
        t(1), t(True), t(None), t({'f': (1.5).hex()}), t('s'), t({'b': 'Yg=='}),
        t({'c': [(0.0).hex(), (2.0).hex()]}), t([1]), t(), t(t(1, {'f': (2.5).hex()})), t(3), t(4),
    ]  # fmt: skip
    replies = [
        ['return', 1], ['return', True], ['return', None], ['return', {'f': (0.25).hex()}],
        ['return', 's'], ['return', {'b': 'Yg=='}], ['return', {'c': [(0.0).hex(), (2.0).hex()]}],
        ['return', [2]], ['return', {'d': [['k', t(1)]]}], ['return', 'x'], ['raise', 'KeyError', t('k')],
        ['future'],
    ]  # fmt: skip
    kwargs = [{'d': []}] * 8 + [{'d': [['x', 1]]}] + [{'d': []}] * 3
    expected = [
        {'event': ['call', 'fetch', c, k], 'reply': r} for c, k, r in zip(calls, kwargs, replies, strict=True)
    ]
    expected.append({'event': ['futures', [call_id]], 'reply': ['futures', {str(call_id): ['return', 5]}]})
    assert json.dumps(log) == json.dumps(expected)  # bools stay bools (True == 1 for `==` alone)
    loaded = MontySnapshot.load(progress.dump())
    assert loaded.args == progress.args
    assert loaded.resume(return_value=6).output == 6  # type: ignore[union-attr]
    assert progress.resume(return_value=7).output == 7  # type: ignore[union-attr]


def test_snapshot_holds_no_pickle_or_code() -> None:
    data = small_snapshot()
    doc = body(data)
    assert set(doc) == {'kind', 'spec', 'log', 'pending', 'output_chars', 'elapsed', 'str_hash'}
    assert doc['spec']['code'] == 'a = fetch(1)\nb = fetch(a)\na + b'
    assert b'\x80\x04' not in data  # no pickle protocol header
    assert copy.deepcopy(doc) == json.loads(json.dumps(doc))  # plain JSON all the way down
