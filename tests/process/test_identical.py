"""The process tier gives the same results, output and errors (type, message, frames) as in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from monty_core import Monty, MontyError, MontyRuntimeError
from monty_core.process import ProcessPool

PROGRAMS = sorted((Path(__file__).parent.parent / 'conformance' / 'corpus' / 'programs').glob('*.py'))


def outcome(source: str, isolation: Any, limits: dict[str, Any] | None = None) -> tuple[Any, ...]:
    printed: list[tuple[str, str]] = []
    try:
        value = Monty(source).run(
            print_callback=lambda s, t: printed.append((s, t)), isolation=isolation, limits=limits
        )
    except MontyRuntimeError as e:
        return ('error', e.type_name, e.message, e.builtin_name, e.frames, e.chain, e.display(), printed)
    except MontyError as e:
        return ('error', type(e).__name__, str(e), printed)
    return ('value', repr(value), printed)


def test_corpus_identical(pool: ProcessPool) -> None:
    different = []
    for path in PROGRAMS:
        source = path.read_text(encoding='utf-8')
        if outcome(source, 'inprocess') != outcome(source, pool):
            different.append(path.name)
    assert len(PROGRAMS) > 200
    assert different == []


VALUES = [
    '1 + 2',
    '(1, [2.5, None], {"a": {1, 2}}, frozenset({3}), b"x", bytearray(b"y"), 1j, range(3), ...)',
    '2 ** 200, -(2 ** 100), "\\ud800 lone surrogate", "é" * 3',
    '{(1, 2): "tuple key", 3.5: True}',
]


@pytest.mark.parametrize('source', VALUES)
def test_values(pool: ProcessPool, source: str) -> None:
    assert outcome(source, pool) == outcome(source, 'inprocess')


ERRORS = [
    'def f(x):\n    return g(x)\ndef g(x):\n    return x / 0\nf(1)',
    'try:\n    {}["k"]\nexcept KeyError as e:\n    raise ValueError("again") from e',
    'class MyError(Exception):\n    pass\nraise MyError("custom")',
    'import os',
    'def r(n):\n    return r(n + 1)\nr(0)',
    'x = [1]\nx.nope',
    'print("before")\nraise SystemExit(3)',
]


@pytest.mark.parametrize('source', ERRORS)
def test_errors(pool: ProcessPool, source: str) -> None:
    # (A sandbox depth limit below CPython's: how deep CPython's own limit lets a run go depends on the
    # caller's stack, which differs between a test and a worker.)
    limits = {'max_recursion_depth': 200}
    assert outcome(source, pool, limits) == outcome(source, 'inprocess', limits)


def test_inputs_and_limits(pool: ProcessPool) -> None:
    m = Monty('sum(xs) + len(name)', inputs=['xs', 'name'])
    kw: dict[str, Any] = {'inputs': {'xs': [1, 2, 3], 'name': 'abc'}, 'limits': {'max_recursion_depth': 50}}
    assert m.run(isolation=pool, **kw) == m.run(**kw) == 9
    deep = Monty('def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(100)')
    with pytest.raises(MontyRuntimeError) as a:
        deep.run(limits={'max_recursion_depth': 50})
    with pytest.raises(MontyRuntimeError) as b:
        deep.run(limits={'max_recursion_depth': 50}, isolation=pool)
    assert (a.value.type_name, a.value.message, a.value.frames) == (
        b.value.type_name,
        b.value.message,
        b.value.frames,
    )


def test_output_limit(pool: ProcessPool) -> None:
    source = 'for i in range(1000):\n    print("x" * 100)'
    assert outcome(source, pool)[:3] == outcome(source, 'inprocess')[:3]
    m = Monty(source)
    with pytest.raises(MontyRuntimeError, match='output limit'):
        m.run(limits={'max_output_bytes': 1000}, isolation=pool, print_callback=lambda s, t: None)


def test_type_check_and_syntax_are_host_side(pool: ProcessPool) -> None:
    from monty_core import MontySyntaxError, MontyTypingError

    with pytest.raises(MontyTypingError):
        Monty('x: int = "a"', type_check=True).run(isolation=pool)
    with pytest.raises(MontySyntaxError):
        Monty('import os\nos.system("x")\ndef (').run(isolation=pool)


def test_environment_variable(pool: ProcessPool, monkeypatch: pytest.MonkeyPatch) -> None:
    from monty_core.process import resolve_isolation

    monkeypatch.setenv('MONTY_ISOLATION', 'process')
    assert resolve_isolation(None) is not None
    monkeypatch.setenv('MONTY_ISOLATION', 'inprocess')
    assert resolve_isolation(None) is None
    assert resolve_isolation(pool) is pool
    with pytest.raises(ValueError, match='isolation'):
        resolve_isolation('thread')
