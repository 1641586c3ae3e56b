"""The escape suite: every payload runs with a canary secret (env var + file) and must not leak it."""

from __future__ import annotations

import pytest

from monty_core import Monty, MontyRuntimeError, MontySyntaxError

from .conftest import Canary, has_module
from .payloads import PAYLOADS, Payload


def test_enough_payloads() -> None:
    assert len(PAYLOADS) >= 60
    assert len({p.id for p in PAYLOADS}) == len(PAYLOADS)


@pytest.mark.parametrize('payload', PAYLOADS, ids=[p.id for p in PAYLOADS])
def test_escape_payload(payload: Payload, canary: Canary) -> None:
    if payload.needs and not has_module(payload.needs):
        pytest.skip(f'module {payload.needs} not offered')
    if payload.expect == 'syntax':
        with pytest.raises(MontySyntaxError):
            canary.run(payload.code)
        return
    outcome = canary.run(
        payload.code, limits={'max_duration_secs': 0.5} if payload.expect == 'timeout' else None
    )
    if payload.expect == 'any':
        return
    assert isinstance(outcome.error, (MontyRuntimeError, MontySyntaxError)), (
        f'payload ran to completion: {outcome.result!r} / {outcome.output!r}'
    )
    if payload.expect == 'timeout':
        assert outcome.error.type_name == 'TimeoutError'  # type: ignore[union-attr]


def test_base_exceptions_never_reach_the_host_as_themselves() -> None:
    for code in (
        'raise SystemExit(0)',
        'raise KeyboardInterrupt',
        'raise GeneratorExit',
        'import sys\nsys.exit(1)',
    ):
        try:
            Monty(code).run()
        except MontyRuntimeError:
            continue
        except BaseException as e:  # pragma: no cover - the failure being tested
            pytest.fail(f'{code!r} raised {type(e).__name__} in the host')
        pytest.fail(f'{code!r} did not fail')


def test_host_exception_is_recreated(canary: Canary) -> None:
    class HostError(ValueError):
        def __init__(self, message: str) -> None:
            super().__init__(message)
            self.host_object = canary  # a host object on the exception

    def boom(*args: object, **kwargs: object) -> None:
        raise HostError('no access')

    out = canary.run(
        """
try:
    fetch()
except ValueError as e:
    result = (type(e).__name__, e.args, e.__context__ is None, e.__cause__ is None, hasattr(e, 'host_object'))
result
""",
        host=boom,
    )
    assert out.result == ('ValueError', ('no access',), True, True, False)


def test_evil_result_methods_do_not_run_in_host(canary: Canary) -> None:
    out = canary.run(
        """
class Evil:
    def __init__(self):
        self.value = 1
    def __repr__(self):
        while True:
            pass
    def __eq__(self, other):
        while True:
            pass
    def __hash__(self):
        while True:
            pass
Evil()
"""
    )
    assert out.result == {'value': 1}
    assert repr(out.result) == "{'value': 1}"


def test_evil_arguments_reach_host_as_plain_data(canary: Canary) -> None:
    out = canary.run(
        """
class Evil:
    def __init__(self):
        self.n = 2
    def __repr__(self):
        while True:
            pass
fetch(Evil(), k=[Evil()])
"""
    )
    assert out.host_calls == [(({'n': 2},), {'k': [{'n': 2}]})]


def test_failing_print_callback_leaves_no_host_context(canary: Canary) -> None:
    from monty_core import MontyError

    secret_error = ValueError(canary.secret)

    def callback(stream: str, text: str) -> None:
        raise secret_error

    code = """
try:
    print('x')
except BaseException as e:
    leaked = e.__context__
"""
    with pytest.raises(ValueError):  # the host's own error is re-raised in the host
        try:
            Monty(code).run(print_callback=callback)
        except MontyError as e:  # pragma: no cover - the failure being tested
            assert canary.secret not in e.display()
            raise


def test_sandbox_sees_only_its_builtins(canary: Canary) -> None:
    out = canary.run("sorted(n for n in dir(print) if not n.startswith('_'))")
    assert out.result == []


@pytest.mark.filterwarnings('ignore::pytest.PytestUnraisableExceptionWarning')
def test_no_code_runs_after_the_run_ends(canary: Canary) -> None:
    out = canary.run(
        """
def g():
    try:
        yield 1
    finally:
        print('late')
it = g()
next(it)
"""
    )
    # The suspended generator is dropped after the run; its finally may only run inside the run.
    import gc

    gc.collect()
    assert out.output.count('late') <= 1
