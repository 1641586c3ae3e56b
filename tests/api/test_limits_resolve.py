"""`monty_core.limits.resolve_limits`: every entry point checks limits up front, with errors that name
the key and what it accepts; `None` disables a limit, for every key."""

from __future__ import annotations

from typing import Any

import pytest

import monty_core
from monty_core import Monty, MontyRepl, MontySnapshot
from monty_core.limits import DEFAULT, Limits, resolve_limits

BAD = [
    ({'max_duration_secs': 'fast'}, ValueError, "'max_duration_secs' must be a positive number"),
    ({'max_duration_secs': 0}, ValueError, 'max_duration_secs'),
    ({'max_duration_secs': float('nan')}, ValueError, 'max_duration_secs'),
    ({'max_duration_secs': True}, ValueError, 'max_duration_secs'),
    ({'max_memory': 'lots'}, ValueError, "'max_memory' must be a positive int"),
    ({'max_memory': -5}, ValueError, 'max_memory'),
    ({'max_memory': 1.5e9}, ValueError, 'max_memory'),
    ({'max_recursion_depth': 0}, ValueError, 'max_recursion_depth'),
    ({'max_output_bytes': -1}, ValueError, 'max_output_bytes'),
    ({'max_seconds': 1}, TypeError, 'unknown resource limit.*valid keys'),
    (5, TypeError, 'limits must be a dict'),
    ('unlimited', TypeError, 'limits must be a dict'),
]


@pytest.mark.parametrize(('limits', 'error', 'message'), BAD)
def test_bad_limits_are_refused_up_front(limits: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        resolve_limits(limits)
    m = Monty('1', external_functions=['f'])
    for call in (
        lambda: m.run(limits=limits, external_functions={'f': print}),
        lambda: m.start(limits=limits),
        lambda: MontyRepl(limits=limits),
        lambda: MontySnapshot.load(Monty('f()', external_functions=['f']).start().dump(), limits=limits),  # type: ignore[union-attr]
    ):
        with pytest.raises(error, match=message):
            call()


def test_defaults_and_none() -> None:
    assert resolve_limits(None) is DEFAULT
    limits = resolve_limits({'max_duration_secs': 2, 'max_memory': None})
    assert limits == Limits(max_duration_secs=2.0, max_memory=None)
    assert type(limits.max_duration_secs) is float
    assert monty_core.DEFAULT_LIMITS == DEFAULT.as_dict()


def test_none_disables_the_recursion_limit_of_the_sandbox() -> None:
    code = 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(500)'
    with pytest.raises(monty_core.MontyRuntimeError, match='RecursionError'):
        Monty(code).run(limits={'max_recursion_depth': 100})
    assert Monty(code).run(limits={'max_recursion_depth': None}) == 500


@pytest.mark.parametrize(
    ('inputs', 'message'),
    [('url', 'inputs must be a dict'), (['url'], 'inputs must be a dict'), ({1: 'x'}, 'input names')],
)
def test_bad_inputs_shapes_are_refused(inputs: Any, message: str) -> None:
    m = Monty('url', inputs=['url'])
    with pytest.raises(TypeError, match=message):
        m.run(inputs=inputs)
    with pytest.raises(TypeError, match=message):
        m.start(inputs=inputs)


def test_bad_external_functions_shapes_are_refused() -> None:
    m = Monty('f()', external_functions=['f'])
    with pytest.raises(TypeError, match='external_functions must be a dict'):
        m.run(external_functions=['f'])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="external function 'f' is not callable"):
        m.run(external_functions={'f': 3})  # type: ignore[dict-item]
