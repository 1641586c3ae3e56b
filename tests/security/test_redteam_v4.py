"""Red-team payloads, round 4 (a helper attacking the latest seal commits; new angles).

Findings, by root cause (all fixed):

- EXCTEXT  runtime/rendering.py (then stable.py): an exception's text was CPython's own, unweighed, once the type was
           marked "plain" (after one `str(e)` of plain args), and always through `e.__str__()`,
           `e.__repr__()` and `BaseException.__str__(e)` (`_text_dunder` passed exception slots
           through): `str(KeyError([[0] * 10**5] * 3000))` built 900 MB past a 128 MiB limit in one C
           call, and `e.__repr__()` showed real addresses. Exception types are never plain now, and
           their text slots read by sandbox code render the args stably, weighed first.
- FINALLY  compiler/rewrite.py (then codegen.py): a `finally:` body had no stop check (`except` handlers had one). A
           finished run's suspended generator, closed later by the garbage collector, ran its
           `finally` with no limits, or inside another run (printing into its output).
"""

from __future__ import annotations

import gc
import resource
from typing import Any

import pytest

from monty_core import Monty, MontyRepl, MontyRuntimeError

LIMITS: dict[str, Any] = {'max_duration_secs': 1, 'max_memory': 128 * 2**20}
MARK = "str(KeyError('a'))\n"  # one plain-arg `str(e)` first: it used to mark the type plain
BIG_ARGS = 'e = KeyError([[0] * 10**5] * 3000)\n'  # 2.4 MB held, 900 MB of text


@pytest.mark.parametrize(
    'render',
    [
        'str(e)',
        "f'{e}'",
        'format(e)',
        "'{}'.format(e)",
        "'%s' % (e,)",
        'e.__str__()',
        'e.__repr__()',
        'BaseException.__str__(e)',
        'KeyError.__str__(e)',
        'repr(e)',
        'print(e)',
    ],
)
@pytest.mark.parametrize('marked', [True, False], ids=['after-plain-str', 'fresh'])
def test_exception_text_is_weighed_before_it_is_built(render: str, marked: bool) -> None:
    code = (MARK if marked else '') + BIG_ARGS + render
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits=LIMITS, print_callback=lambda s, t: None)
    assert info.value.type_name == 'MemoryError' and 'limit' in info.value.message


@pytest.mark.parametrize(
    'render',
    ['e.__repr__()', 'e.__str__()', 'format(e)', 'str(e)', 'BaseException.__repr__(e)', "f'{e!s}'"],
)
def test_exception_text_shows_fake_addresses_only(render: str) -> None:
    code = f'def f():\n    pass\ne = ValueError(f, 1)\n{render}'
    text = Monty(code).run()
    assert '<function f at 0x7f0000000010>' in text, text


def test_exception_text_slots_still_render_as_cpython() -> None:
    code = """
class E(Exception):
    def __str__(self):
        return 'E:' + super().__str__()

class R(Exception):
    def __repr__(self):
        return 'R!' + super().__repr__()

out = [
    str(E('x', 1)), repr(E('x')), E('a').__str__(), E().__str__(), repr(R(1, 'b')),
    KeyError('k').__str__(), KeyError('k', 2).__str__(), KeyError().__str__(),
    OSError(2, 'no such file').__str__(), BaseException.__str__(ValueError([1, 2])),
    ValueError([1, {2: (3,)}]).__repr__(), StopIteration(5).__str__(),
]
out
"""
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    assert Monty(code).run() == namespace['out']


# -- a finished run's leftover frames ----------------------------------------------------------------
PLANT = """
import pprint
def g():
    try:
        yield 1
    finally:
        {body}
gen = g()
next(gen)
cycle = [gen]
cycle.append(cycle)  # only the cycle collector frees it, after the run
'planted'
"""


def test_a_finished_runs_finally_does_not_run_inside_another_run() -> None:
    assert Monty(PLANT.format(body="pprint.pprint('INJECTED')")).run() == 'planted'
    printed: list[str] = []
    victim = Monty("print('B starts')\ncollect()\nprint('B ends')", external_functions=['collect'])
    victim.run(external_functions={'collect': gc.collect}, print_callback=lambda s, t: printed.append(t))
    assert ''.join(printed) == 'B starts\nB ends\n'


def test_a_finished_runs_finally_gets_no_memory_outside_its_limits() -> None:
    assert Monty(PLANT.format(body="big = b'x' * (300 * 2**20)")).run(limits=LIMITS) == 'planted'
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    gc.collect()
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    assert grown < 100 * 2**20


def test_a_repl_snippets_leftover_finally_sees_no_real_address() -> None:
    repl = MontyRepl()
    repl.feed_run(
        'seen = []\ndef probe():\n    pass\n'
        'def g():\n    try:\n        yield 1\n    finally:\n        seen.append(repr(probe))\n'
        'gen = g()\nnext(gen)\ncycle = [gen]\ncycle.append(cycle)'
    )
    repl.feed_run('del gen, cycle')
    gc.collect()
    assert all('0x7f00' in s for s in repl.feed_run('seen'))


def test_finally_still_runs_in_a_live_run() -> None:
    code = """
out = []
def g():
    try:
        yield 1
    finally:
        out.append('closed')
it = g()
next(it)
it.close()
try:
    pass
finally:
    out.append('done')
out
"""
    assert Monty(code).run() == ['closed', 'done']
