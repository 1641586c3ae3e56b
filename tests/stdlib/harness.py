"""Differential harness for the sandbox's standard library: run a program under CPython and in the
sandbox and compare stdout, the final value (last expression statement) and the uncaught exception."""

from __future__ import annotations

import ast
import contextlib
import decimal
import io
import textwrap
from dataclasses import dataclass
from typing import Any

import monty_core

from ..conformance.differential import plain


@dataclass(frozen=True)
class Outcome:
    stdout: str
    value: Any
    exc_type: str | None
    exc_message: str | None


def run_cpython(src: str) -> Outcome:
    tree = ast.parse(src, 'main.py')
    final = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        final = compile(ast.Expression(body=tree.body.pop().value), 'main.py', 'eval')
    code = compile(tree, 'main.py', 'exec')
    ns: dict[str, Any] = {'__name__': '__main__'}
    out = io.StringIO()
    value = None
    exc: BaseException | None = None
    with contextlib.redirect_stdout(out), decimal.localcontext(decimal.Context()):
        try:
            exec(code, ns)
            if final is not None:
                value = eval(final, ns)
        except Exception as e:
            exc = e
    return Outcome(out.getvalue(), value, type(exc).__name__ if exc else None, str(exc) if exc else None)


def run_monty(src: str, limits: dict[str, Any] | None = None, hooks: dict[str, Any] | None = None) -> Outcome:
    chunks: list[str] = []

    def cb(stream: str, text: str) -> None:
        if stream == 'stdout':
            chunks.append(text)

    value = None
    exc_type = exc_message = None
    try:
        value = run_with_hooks(src, cb, limits, hooks)
    except monty_core.MontyRuntimeError as e:
        exc_type, exc_message = e.type_name, e.message
    return Outcome(''.join(chunks), value, exc_type, exc_message)


def run_with_hooks(src: str, cb: Any, limits: dict[str, Any] | None, hooks: dict[str, Any] | None) -> Any:
    """Run `src` with the host hooks given through the API (`Monty.run(hooks=...)`)."""
    m = monty_core.Monty(src, script_name='main.py')
    return m.run(print_callback=cb, limits=limits, hooks=hooks)


def assert_same(src: str, *, message: bool = True) -> Outcome:
    """The program behaves the same under CPython and in the sandbox."""
    src = textwrap.dedent(src)
    expected = run_cpython(src)
    actual = run_monty(src)
    problems = []
    if expected.exc_type != actual.exc_type:
        problems.append(f'exception type: {expected.exc_type} != {actual.exc_type} ({actual.exc_message})')
    elif message and expected.exc_message != actual.exc_message:
        problems.append(f'exception message: {expected.exc_message!r} != {actual.exc_message!r}')
    if expected.stdout != actual.stdout:
        problems.append(f'stdout:\n--- cpython\n{expected.stdout}\n--- monty\n{actual.stdout}')
    if plain(expected.value) != plain(actual.value):
        problems.append(f'value: {expected.value!r} != {actual.value!r}')
    assert not problems, '\n'.join(problems)
    return actual


def sandbox_error(src: str, **kwargs: Any) -> tuple[str | None, str | None]:
    """(type name, message) of the exception the program ends with in the sandbox."""
    out = run_monty(textwrap.dedent(src), **kwargs)
    return out.exc_type, out.exc_message


def sandbox_value(src: str, **kwargs: Any) -> Any:
    out = run_monty(textwrap.dedent(src), **kwargs)
    assert out.exc_type is None, f'{out.exc_type}: {out.exc_message}'
    return out.value
