"""Differential test corpus: every program in `tests/conformance/corpus/programs/` runs under CPython and under
monty, and both runs must agree on stdout, stderr, the final value and the uncaught exception.

A program's final value is the value of its last statement when that is an expression statement,
else None. A program whose first line is `# expect: ExceptionTypeName` must end with that uncaught
exception (checked under CPython, so a broken program cannot pass by accident); any other program
must run to completion under CPython.

Programs whose file name contains `dataclass` or `async` use those features; deselect them with
`-k 'not dataclass'` / `-k 'not async'` while the engine lacks them.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .differential import plain

PROGRAMS_DIR = Path(__file__).parent / 'corpus' / 'programs'
PROGRAMS = sorted(PROGRAMS_DIR.glob('*.py'))
EXPECT_RE = re.compile(r'#\s*expect:\s*(\w+)\s*')

# What the programs may use: keep the corpus runnable in the sandbox and deterministic in CPython
# (`id()` only in relations: `id(a) == id(b)`, never its value; relative imports only to see them fail).
ALLOWED_IMPORTS = {
    'sys',
    'typing',
    'dataclasses',
    # pure or C modules whose behaviour is the same in every process (no clock, no randomness)
    '__future__',
    'copy',
    'bisect',
    'collections',
    'difflib',
    'enum',
    'fnmatch',
    'functools',
    'gc',
    'graphlib',
    'heapq',
    'itertools',
    'json',
    'keyword',
    'numbers',
    'shlex',
    'struct',
    'types',
}
FORBIDDEN_NAMES = {
    'open',
    'eval',
    'exec',
    'compile',
    'globals',
    'locals',
    'dir',
    '__import__',
    'input',
    'breakpoint',
}
ALLOWED_DUNDER_ATTRS = {'__name__'}


@dataclass(frozen=True)
class Outcome:
    """Everything a run of a program is compared on."""

    stdout: str
    stderr: str
    value: Any
    exc_type: str | None
    exc_message: str | None

    def describe(self) -> str:
        exc = f'{self.exc_type}: {self.exc_message!r}' if self.exc_type else 'none'
        return (
            f'  exception: {exc}\n'
            f'  value:     {self.value!r}\n'
            f'  stdout:\n{_indent(self.stdout)}\n'
            f'  stderr:\n{_indent(self.stderr)}'
        )


def _indent(text: str) -> str:
    if not text:
        return '    <empty>'
    return '\n'.join('    | ' + line for line in text.split('\n'))


def expected_exception(src: str) -> str | None:
    """The exception type named by a `# expect: Name` first line, if any."""
    first_line = src.split('\n', 1)[0]
    match = EXPECT_RE.fullmatch(first_line)
    return match.group(1) if match else None


def run_cpython(src: str) -> Outcome:
    """Run a program in-process under CPython, as the harness's reference."""
    tree = ast.parse(src, 'main.py')
    final_expr = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        final_expr = compile(ast.Expression(body=tree.body.pop().value), 'main.py', 'eval')
    module_code = compile(tree, 'main.py', 'exec')
    namespace: dict[str, Any] = {'__name__': '__main__'}
    stdout, stderr = io.StringIO(), io.StringIO()
    value = None
    exc: Exception | None = None
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            exec(module_code, namespace)
            if final_expr is not None:
                value = eval(final_expr, namespace)
        except Exception as e:
            exc = e
    return Outcome(
        stdout.getvalue(),
        stderr.getvalue(),
        value,
        type(exc).__name__ if exc is not None else None,
        str(exc) if exc is not None else None,
    )


def run_monty(src: str) -> Outcome:
    """Run a program in the sandbox, collecting its output through the print callback."""
    import monty_core

    streams: dict[str, list[str]] = {'stdout': [], 'stderr': []}

    def print_callback(stream: str, text: str) -> None:
        assert stream in streams, f'unexpected stream {stream!r}'
        streams[stream].append(text)

    value = None
    exc_type = exc_message = None
    try:
        value = monty_core.Monty(src, script_name='main.py').run(print_callback=print_callback)
    except monty_core.MontySyntaxError as e:
        pytest.fail(f'monty refused the program:\n{e.display("traceback")}')
    except monty_core.MontyRuntimeError as e:
        exc_type, exc_message = e.type_name, e.message
    return Outcome(''.join(streams['stdout']), ''.join(streams['stderr']), value, exc_type, exc_message)


def _program_id(path: Path) -> str:
    return path.stem


def test_corpus_is_large_enough() -> None:
    assert len(PROGRAMS) >= 170, f'only {len(PROGRAMS)} programs in {PROGRAMS_DIR}'


@pytest.mark.parametrize('path', PROGRAMS, ids=_program_id)
def test_program_is_well_formed(path: Path) -> None:
    """Guard the corpus rules: allowed imports only, no forbidden builtins or dunder attributes."""
    src = path.read_text()
    tree = ast.parse(src, path.name)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [f'import {a.name}' for a in node.names if a.name not in ALLOWED_IMPORTS]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module not in ALLOWED_IMPORTS:
            problems.append(f'from {node.module} import ...')
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in FORBIDDEN_NAMES:
            problems.append(f'line {node.lineno}: uses {node.id}')
        elif isinstance(node, ast.Attribute) and node.attr.startswith('__') and node.attr.endswith('__'):
            is_super_init = (
                node.attr == '__init__'
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == 'super'
            )
            if node.attr not in ALLOWED_DUNDER_ATTRS and not is_super_init:
                problems.append(f'line {node.lineno}: accesses .{node.attr}')
    if ('dataclasses' in src) and 'dataclass' not in path.name:
        problems.append('uses dataclasses but the file name lacks "dataclass"')
    assert not problems, f'{path.name}: ' + '; '.join(problems)


@pytest.mark.parametrize('path', PROGRAMS, ids=_program_id)
def test_cpython_reference(path: Path) -> None:
    """The program itself is sound: it raises exactly when it says it does."""
    src = path.read_text()
    expected = expected_exception(src)
    outcome = run_cpython(src)
    assert outcome.exc_type == expected, (
        f'{path.name}: CPython raised {outcome.exc_type} (expected {expected})\n{outcome.describe()}'
    )


@pytest.mark.parametrize('path', PROGRAMS, ids=_program_id)
def test_monty_matches_cpython(path: Path) -> None:
    src = path.read_text()
    expected = run_cpython(src)
    assert expected.exc_type == expected_exception(src), f'{path.name} is broken under CPython'
    actual = run_monty(src)
    mismatched = [
        name
        for name, same in [
            ('exception type', expected.exc_type == actual.exc_type),
            ('exception message', expected.exc_message == actual.exc_message),
            ('stdout', expected.stdout == actual.stdout),
            ('stderr', expected.stderr == actual.stderr),
            ('value', plain(expected.value) == plain(actual.value)),
        ]
        if not same
    ]
    assert not mismatched, (
        f'{path.name}: monty differs from CPython in {", ".join(mismatched)}\n'
        f'{_first_difference("stdout", expected.stdout, actual.stdout)}'
        f'{_first_difference("stderr", expected.stderr, actual.stderr)}'
        f'CPython:\n{expected.describe()}\nmonty:\n{actual.describe()}'
    )


def _first_difference(name: str, expected: str, actual: str) -> str:
    """The first line where two outputs part, to find a difference in a long output quickly."""
    if expected == actual:
        return ''
    exp_lines, act_lines = expected.split('\n'), actual.split('\n')
    for i, (exp, act) in enumerate(zip(exp_lines, act_lines, strict=False), 1):
        if exp != act:
            return f'first {name} difference, line {i}:\n  CPython: {exp!r}\n  monty:   {act!r}\n'
    shorter = 'monty' if len(act_lines) < len(exp_lines) else 'CPython'
    return f'{name}: {shorter} stops after line {min(len(exp_lines), len(act_lines))}\n'
