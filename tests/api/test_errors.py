"""Error messages: syntax errors in the user's coordinates, tracebacks of the user's lines only."""

from __future__ import annotations

import pytest

from monty_core import Monty, MontyRuntimeError, MontySyntaxError


def syntax_error(code: str) -> MontySyntaxError:
    with pytest.raises(MontySyntaxError) as info:
        Monty(code, script_name='agent.py')
    return info.value


def test_parse_error_has_line_column_and_source() -> None:
    err = syntax_error('x = 1\ny = (2 +\n')
    assert err.line == 2
    assert err.source_line == 'y = (2 +'
    assert err.filename == 'agent.py'
    assert 'agent.py' in err.display('type-msg')
    assert err.display().startswith('  File "agent.py", line 2')
    assert isinstance(err.exception(), SyntaxError)


@pytest.mark.parametrize(
    ('code', 'line', 'column', 'fragment'),
    [
        ('class A(metaclass=M):\n    pass', 1, 9, 'classes with metaclasses are not supported'),
        (
            'x = 1\nclass A:\n    def __del__(self):\n        pass',
            3,
            5,
            'finalizers (`__del__`) are not supported',
        ),
        ("t = type('X', (), {})", 1, 5, '3-argument type() is not supported'),
        ('x = __builtins__', 1, 5, "'__builtins__' is not available"),
        ('import os.path as p\nfrom json import *', 2, 1, "'from ... import *' is not supported"),
        ('_m_ticker = 1', 1, 1, 'reserved by the sandbox'),
        ('def f():\n    __class__', 2, 5, "special name '__class__'"),
    ],
)
def test_refused_features_are_named(code: str, line: int, column: int, fragment: str) -> None:
    err = syntax_error(code)
    assert fragment in err.message
    assert (err.line, err.column) == (line, column)


def test_cpython_compile_errors_keep_positions() -> None:
    err = syntax_error('def f():\n    return 1\nreturn 2')
    assert err.message == "'return' outside function"
    assert err.line == 3


def test_traceback_shows_only_user_frames() -> None:
    code = """\
def load(d):
    return d['missing']

def main():
    return load({})

main()
"""
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code, script_name='agent.py').run()
    err = info.value
    assert err.type_name == 'KeyError'
    assert [(f.line, f.function_name) for f in err.traceback()] == [(7, '<module>'), (5, 'main'), (2, 'load')]
    frame = err.traceback()[-1]
    assert frame.filename == 'agent.py'
    assert frame.source_line == "    return d['missing']"
    assert (frame.column, frame.end_column) == (12, 24)
    text = err.display()
    assert text.startswith('Traceback (most recent call last):\n  File "agent.py", line 7, in <module>')
    assert text.endswith("KeyError: 'missing'")
    assert 'monty_core' not in text and 'guards' not in text
    assert err.display('type-msg') == "KeyError: 'missing'"
    assert err.display('msg') == "'missing'"


def test_exception_chains_are_rendered() -> None:
    code = 'try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError("bad") from e'
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run()
    text = info.value.display()
    assert 'ZeroDivisionError: division by zero' in text
    assert 'The above exception was the direct cause of the following exception:' in text
    assert text.endswith('ValueError: bad')


def test_user_exception_maps_to_nearest_builtin() -> None:
    code = 'class NotFound(LookupError):\n    pass\nraise NotFound("no such user")'
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run()
    err = info.value
    assert err.type_name == 'NotFound'
    exc = err.exception()
    assert type(exc) is LookupError
    assert str(exc) == 'NotFound: no such user'


def test_base_exceptions_never_reach_the_host_as_themselves() -> None:
    for code in (
        'raise SystemExit(3)',
        'raise KeyboardInterrupt',
        'import sys\nsys.exit(1)',
        'raise GeneratorExit',
    ):
        with pytest.raises(MontyRuntimeError):
            Monty(code).run()


def test_time_limit_cannot_be_swallowed() -> None:
    code = """
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
"""
    with pytest.raises(MontyRuntimeError, match='TimeoutError'):
        Monty(code).run(limits={'max_duration_secs': 0.1})


def test_attribute_error_messages_match_cpython() -> None:
    cases = {
        "'abc'.nope": "'str' object has no attribute 'nope'",
        '[].gi_frame': "'list' object has no attribute 'gi_frame'",
        'class A:\n    pass\nA().missing': "'A' object has no attribute 'missing'",
    }
    for code, message in cases.items():
        with pytest.raises(MontyRuntimeError) as info:
            Monty(code).run()
        assert info.value.display('msg') == message


def test_time_limit_stops_recursion_through_operator_hooks() -> None:
    code = """
class A:
    def __add__(self, o):
        return 0 if o > 30 else (self + (o + 1)) + (self + (o + 1))
A() + 0
"""
    with pytest.raises(MontyRuntimeError, match='TimeoutError'):
        Monty(code).run(limits={'max_duration_secs': 0.2})


def test_match_args_are_checked_before_init_subclass_runs() -> None:
    # `__init_subclass__` runs inside `type.__new__`, before the class builder returns: a `match` in
    # it must not read a refused `__match_args__` name (here a traceback) natively.
    code = """
class Base(Exception):
    def __init_subclass__(cls, **kw):
        try:
            raise cls()
        except cls as e:
            match e:
                case cls(tb):
                    print('got', type(tb).__name__)
class Evil(Base):
    __match_args__ = ('__traceback__',)
"""
    printed: list[str] = []
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(print_callback=lambda stream, text: printed.append(text))
    assert info.value.type_name == 'TypeError'
    assert '__match_args__ must name attributes' in info.value.message
    assert printed == []
