"""The public API of monty_core: constructing, running, inputs, host functions, output, conversion."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pydantic
import pytest

import monty_core
from monty_core import Monty, MontyConversionError, MontyRuntimeError


def test_last_expression_is_the_result() -> None:
    assert Monty('1 + 2').run() == 3
    assert Monty('x = 1').run() is None
    assert Monty('x = [1, 2]\nx.append(3)\nx').run() == [1, 2, 3]
    assert Monty('').run() is None


def test_compile_once_run_many_with_different_inputs() -> None:
    m = Monty('x * 2', inputs=['x'])
    assert [m.run(inputs={'x': i}) for i in range(5)] == [0, 2, 4, 6, 8]


def test_runs_share_no_state() -> None:
    m = Monty('seen.append(1)\nlen(seen)', inputs=['seen'])
    data: list[int] = []
    assert m.run(inputs={'seen': data}) == 1
    assert m.run(inputs={'seen': data}) == 1
    assert data == []  # the input was copied in, never mutated


def test_concurrent_runs_from_threads() -> None:
    m = Monty('total = 0\nfor i in range(n):\n    total += i\ntotal', inputs=['n'])
    results: dict[int, Any] = {}

    def work(k: int) -> None:
        results[k] = m.run(inputs={'n': 1000 + k})

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {k: sum(range(1000 + k)) for k in range(8)}


def test_host_functions_positional_and_keyword() -> None:
    calls: list[tuple[Any, ...]] = []

    def fetch(url: str, *, retries: int = 0) -> dict[str, Any]:
        calls.append((url, retries))
        return {'url': url, 'body': 'hello'}

    m = Monty('r = fetch(u, retries=2)\nr["body"].upper()', inputs=['u'], external_functions=['fetch'])
    assert m.run(inputs={'u': 'x'}, external_functions={'fetch': fetch}) == 'HELLO'
    assert calls == [('x', 2)]


def test_host_exception_is_recreated_with_type_and_message() -> None:
    class Secret(ValueError):
        def __init__(self) -> None:
            super().__init__('bad value')
            self.payload = object()

    def boom() -> None:
        raise Secret()

    code = 'try:\n    boom()\nexcept ValueError as e:\n    r = (type(e).__name__, str(e), e.args)\nr'
    assert Monty(code, external_functions=['boom']).run(external_functions={'boom': boom}) == (
        'ValueError',
        'bad value',
        ('bad value',),
    )


def test_uncaught_host_exception_ends_the_run() -> None:
    def boom() -> None:
        raise KeyError('k')

    with pytest.raises(MontyRuntimeError) as info:
        Monty('boom()', external_functions=['boom']).run(external_functions={'boom': boom})
    assert info.value.type_name == 'KeyError'
    assert isinstance(info.value.exception(), KeyError)


@pytest.mark.parametrize(
    ('kwargs', 'message'),
    [
        ({}, 'missing input(s): x'),
        ({'inputs': {'x': 1, 'y': 2}}, 'unexpected input(s): y'),
    ],
)
def test_input_mismatch_is_a_clear_type_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=message.replace('(', r'\(').replace(')', r'\)')):
        Monty('x', inputs=['x']).run(**kwargs)


def test_external_function_mismatch_is_a_clear_type_error() -> None:
    m = Monty('f()', external_functions=['f'])
    with pytest.raises(TypeError, match='missing external function'):
        m.run()
    with pytest.raises(TypeError, match='unexpected external function'):
        m.run(external_functions={'f': lambda: 1, 'g': lambda: 2})


def test_nothing_runs_before_argument_errors() -> None:
    printed: list[str] = []
    with pytest.raises(TypeError):
        Monty('print("ran")\nx', inputs=['x']).run(print_callback=lambda s, t: printed.append(t))
    assert printed == []


def test_print_callback_gets_both_streams() -> None:
    out: list[tuple[str, str]] = []
    code = 'import sys\nprint("a", 1, sep="-")\nprint("err", file=sys.stderr)\nsys.stdout.write("w")\n'
    Monty(code).run(print_callback=lambda stream, text: out.append((stream, text)))
    assert out == [('stdout', 'a-1\n'), ('stderr', 'err\n'), ('stdout', 'w')]


def test_without_callback_output_goes_to_host_streams(capsys: pytest.CaptureFixture[str]) -> None:
    Monty('import sys\nprint("hello")\nprint("oops", file=sys.stderr)').run()
    captured = capsys.readouterr()
    assert captured.out == 'hello\n'
    assert captured.err == 'oops\n'


@dataclasses.dataclass
class Point:
    x: int
    y: int


class User(pydantic.BaseModel):
    name: str
    tags: list[str]


def test_inputs_convert_to_plain_data() -> None:
    m = Monty('(type(p).__name__, p["x"], u["tags"], t, s, b)', inputs=['p', 'u', 't', 's', 'b'])
    result = m.run(
        inputs={'p': Point(1, 2), 'u': User(name='a', tags=['x']), 't': (1, 2), 's': {3}, 'b': b'z'}
    )
    assert result == ('dict', 1, ['x'], (1, 2), {3}, b'z')


def test_unsupported_input_names_the_input() -> None:
    with pytest.raises(MontyConversionError, match="input 'f'"):
        Monty('f', inputs=['f']).run(inputs={'f': open})


def test_sandbox_instances_leave_as_plain_data() -> None:
    code = """
class Item:
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty
        self._private = 'hidden'
    def __eq__(self, other):
        raise RuntimeError('must not run in the host')
    def __hash__(self):
        raise RuntimeError('must not run in the host')
[Item('a', 1), Item('b', 2)]
"""
    assert Monty(code).run() == [{'name': 'a', 'qty': 1}, {'name': 'b', 'qty': 2}]


def test_sandbox_dataclass_leaves_as_dict() -> None:
    code = 'from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: int = 0\nP(3)'
    assert Monty(code).run() == {'x': 3, 'y': 0}


def test_live_objects_cannot_leave() -> None:
    for code in ('def f(): pass\nf', 'len', '(i for i in [1])', 'import sys\nsys'):
        with pytest.raises(MontyConversionError):
            Monty(code).run()


def test_host_function_arguments_are_converted_copies() -> None:
    received: list[Any] = []
    code = 'class A:\n    def __init__(self):\n        self.v = 1\ndata = [A()]\nsend(data)\ndata'
    result = Monty(code, external_functions=['send']).run(external_functions={'send': received.append})
    assert received == [[{'v': 1}]]
    assert result == [{'v': 1}]


def test_unconvertible_host_call_argument_is_a_sandbox_type_error() -> None:
    code = 'try:\n    send(len)\nexcept TypeError as e:\n    r = str(e)\nr'
    result = Monty(code, external_functions=['send']).run(external_functions={'send': print})
    assert 'cannot leave the sandbox' in result


def test_unconvertible_host_result_is_a_sandbox_type_error() -> None:
    code = 'try:\n    get()\nexcept TypeError as e:\n    r = str(e)\nr'
    result = Monty(code, external_functions=['get']).run(external_functions={'get': lambda: object()})
    assert 'cannot be passed into the sandbox' in result


def test_time_limit() -> None:
    with pytest.raises(MontyRuntimeError) as info:
        Monty('while True:\n    pass').run(limits={'max_duration_secs': 0.1})
    assert info.value.type_name == 'TimeoutError'


def test_recursion_limit_is_a_catchable_recursion_error() -> None:
    code = 'def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    r = str(e)\nr'
    assert Monty(code).run(limits={'max_recursion_depth': 50}) == 'maximum recursion depth exceeded'
    deep = 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(n)'
    assert Monty(deep, inputs=['n']).run(inputs={'n': 40}, limits={'max_recursion_depth': 50}) == 40
    with pytest.raises(MontyRuntimeError, match='RecursionError'):
        Monty(deep, inputs=['n']).run(inputs={'n': 60}, limits={'max_recursion_depth': 50})


def test_limits_accept_plain_dicts_and_reject_unknown_keys() -> None:
    assert Monty('1').run(limits={'max_duration_secs': None}) == 1
    with pytest.raises(TypeError, match='unknown resource limit'):
        Monty('1').run(limits={'max_speed': 1})  # type: ignore[typeddict-unknown-key]


def test_invalid_declared_names() -> None:
    with pytest.raises(ValueError):
        Monty('x', inputs=['not a name'])
    with pytest.raises(ValueError):
        Monty('x', inputs=['x'], external_functions=['x'])


def test_dump_and_load_a_program() -> None:
    m = Monty('x + 1', inputs=['x'], script_name='calc.py')
    m2 = Monty.load(m.dump())
    assert m2.run(inputs={'x': 41}) == 42
    assert m2.script_name == 'calc.py'


def test_async_host_function_in_run_is_awaited() -> None:
    async def fetch(x: int) -> int:
        return x * 10

    m = Monty('await fetch(4)', external_functions=['fetch'])
    assert m.run(external_functions={'fetch': fetch}) == 40


def test_public_names_are_exported() -> None:
    for name in (
        'Monty',
        'MontyRepl',
        'MontySnapshot',
        'MontyFutureSnapshot',
        'MontyComplete',
        'MontyError',
        'MontySyntaxError',
        'MontyRuntimeError',
        'MontyTypingError',
        'MontyConversionError',
        'ResourceLimits',
        'run_monty_async',
        'type_check',
    ):
        assert hasattr(monty_core, name), name


def test_host_hooks_give_the_stdlib_a_clock_and_randomness() -> None:
    code = 'import time, random, uuid\n(time.time(), random.Random(1).random() < 1, len(str(uuid.uuid4())))'
    result = Monty(code).run(hooks={'now': lambda: 1700000000.5, 'random_bytes': lambda n: b'\x01' * n})
    assert result == (1700000000.5, True, 36)


def test_without_hooks_there_is_no_clock() -> None:
    with pytest.raises(MontyRuntimeError, match="the host must provide the 'now' hook"):
        Monty('import time\ntime.time()').run()


def test_failing_hook_leaks_nothing() -> None:
    class Secret(Exception):
        pass

    def now() -> float:
        raise Secret('host secret')

    code = 'import time\ntry:\n    time.time()\nexcept RuntimeError as e:\n    r = (str(e), e.args)\nr'
    assert Monty(code).run(hooks={'now': now}) == (
        "host hook 'now' failed: Secret",
        ("host hook 'now' failed: Secret",),
    )


def test_unknown_hook_is_refused() -> None:
    with pytest.raises(TypeError, match='unknown host hook'):
        Monty('1').run(hooks={'clock': lambda: 1.0})  # type: ignore[typeddict-unknown-key]
