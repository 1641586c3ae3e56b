"""Type checking with ty: diagnostics in the user's coordinates, stubs, the sandbox's module set,
top-level await, rendering, the `monty check` CLI, the server/CLI backends and a missing ty."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
import sys
import textwrap
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from monty_core.typecheck import (
    SANDBOX_MODULES,
    Diagnostic,
    MontyStubsWarning,
    MontyTypingError,
    TypeChecker,
    TyUnavailableError,
    build_stubs,
    check_main,
    check_or_raise,
    check_stubs,
    find_ty,
    type_check,
)

SEED_CODE = """
async def agent(prompt: str, messages: Messages):
    while True:
        print(f'messages so far: {messages}')
        output = await call_llm(prompt, messages)
        if isinstance(output, str):
            return output
        messages.extend(output)

await agent(prompt, [])
"""

SEED_STUBS = """
from typing import Any

Messages = list[dict[str, Any]]

async def call_llm(prompt: str, messages: Messages) -> str | Messages:
    raise NotImplementedError()

prompt: str = ''
"""

USER_STUBS = """
from typing import TypedDict

class User(TypedDict):
    name: str
    age: int

async def get_user(user_id: int) -> User:
    '''Fetch a user by id.'''
    ...

def word_count(text: str) -> int: ...

limit: int
"""


@pytest.fixture(scope='module')
def checker() -> Iterator[TypeChecker]:
    tc = TypeChecker()
    yield tc
    tc.close()


@pytest.fixture(scope='module', params=['server', 'cli'])
def any_checker(request: pytest.FixtureRequest) -> Iterator[TypeChecker]:
    tc = TypeChecker(backend=request.param)
    yield tc
    tc.close()


def at(diagnostics: list[Diagnostic], rule: str) -> list[tuple[int, int, int, int]]:
    return [(d.line, d.column, d.end_line, d.end_column) for d in diagnostics if d.rule == rule]


# -- the cases of the issue ---------------------------------------------------------------------------


def test_clean_code_passes(any_checker: TypeChecker) -> None:
    assert any_checker.check(SEED_CODE, stubs=SEED_STUBS) == []
    code = 'u = await get_user(limit)\nprint(u["name"], word_count(u["name"]) + u["age"])\n'
    assert check_or_raise(code, stubs=USER_STUBS, checker=any_checker) == []


def test_wrong_argument_type(any_checker: TypeChecker) -> None:
    code = 'n = word_count(3)\nu = await get_user("seven")\n'
    diagnostics = any_checker.check(code, stubs=USER_STUBS)
    assert at(diagnostics, 'invalid-argument-type') == [(1, 16, 1, 17), (2, 20, 2, 27)]
    assert 'Expected `str`, found `Literal[3]`' in diagnostics[0].message
    assert all(d.severity == 'error' for d in diagnostics)


def test_unknown_typed_dict_key(any_checker: TypeChecker) -> None:
    code = 'user = await get_user(1)\nprint(user["email"])\n'
    [diagnostic] = any_checker.check(code, stubs=USER_STUBS)
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (2, 12, 19)
    assert diagnostic.rule in {'invalid-typed-dict-key', 'invalid-key'}
    assert '"email"' in diagnostic.message and 'User' in diagnostic.message
    assert diagnostic.source_line == 'print(user["email"])'


def test_missing_await_on_async_host_function(any_checker: TypeChecker) -> None:
    code = 'x = 1\nget_user(1)\nuser = get_user(2)\nprint(user["name"])\n'
    diagnostics = any_checker.check(code, stubs=USER_STUBS)
    assert at(diagnostics, 'unused-awaitable') == [(2, 1, 2, 12)]
    [unused] = [d for d in diagnostics if d.rule == 'unused-awaitable']
    assert unused.severity == 'error'  # an un-awaited host call never runs: it fails the check
    assert 'not awaited' in unused.message
    assert at(diagnostics, 'not-subscriptable') == [(4, 7, 4, 19)]
    with pytest.raises(MontyTypingError):
        check_or_raise('get_user(1)\n', stubs=USER_STUBS, checker=any_checker)


def test_undefined_name(any_checker: TypeChecker) -> None:
    diagnostics = any_checker.check('total = 0\nfor i in range(3):\n    total += coutn\n')
    assert at(diagnostics, 'unresolved-reference') == [(3, 14, 3, 19)]
    assert '`coutn`' in diagnostics[0].message


def test_module_not_offered_by_the_sandbox(any_checker: TypeChecker) -> None:
    code = textwrap.dedent(
        """\
        import json
        import os
        import math, requests
        from subprocess import run
        from urllib.parse import quote
        from collections.abc import Mapping
        def f():
            import socket
        """
    )
    diagnostics = any_checker.check(code)
    assert at(diagnostics, 'monty-unavailable-module') == [
        (2, 8, 2, 10),
        (3, 14, 3, 22),
        (4, 6, 4, 16),
        (8, 12, 8, 18),
    ]
    assert {d.rule for d in diagnostics} == {'monty-unavailable-module'}  # no "cannot resolve" from ty
    assert diagnostics[0].message.startswith("module 'os' is not available in the monty sandbox")
    assert "module 'requests' is not available" in diagnostics[1].message
    assert diagnostics[0].severity == 'error'


def test_seed_example_type_check_part(checker: TypeChecker) -> None:
    # The seed's clean code passes ...
    assert (
        check_or_raise(
            SEED_CODE,
            stubs=SEED_STUBS,
            script_name='agent.py',
            inputs=['prompt'],
            external_functions=['call_llm'],
            checker=checker,
        )
        == []
    )
    # ... and `await agent(prompt, 42)` is reported at agent.py:10.
    with pytest.raises(MontyTypingError) as info:
        check_or_raise(
            SEED_CODE.replace('await agent(prompt, [])', 'await agent(prompt, 42)'),
            stubs=SEED_STUBS,
            script_name='agent.py',
            inputs=['prompt'],
            external_functions=['call_llm'],
            checker=checker,
        )
    error = info.value
    assert 'agent.py:10' in error.display()
    [diagnostic] = error.diagnostics
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ('invalid-argument-type', 10, 21)
    assert diagnostic.source_line == 'await agent(prompt, 42)'
    assert error.display('concise') == (
        'agent.py:10:21: error[invalid-argument-type] Argument to function `agent` is incorrect: '
        'Expected `list[dict[str, Any]]`, found `Literal[42]`'
    )


# -- coordinates, stubs, top-level await --------------------------------------------------------------


def test_top_level_await_is_accepted(any_checker: TypeChecker) -> None:
    code = textwrap.dedent(
        """\
        async def gen():
            yield 1
        a = await get_user(1)
        b = [await get_user(i) for i in range(3)]
        c = [x async for x in gen()]
        print(await get_user(1), await get_user(2))
        if limit:
            d = {k: await get_user(k) for k in range(2)}
        async for item in gen():
            print(item)
        e = (await get_user(i) for i in range(2))
        """
    )
    assert any_checker.check(code, stubs=USER_STUBS) == []


def test_await_outside_async_function_is_still_reported(any_checker: TypeChecker) -> None:
    code = 'def f():\n    return await get_user(1)\nclass A:\n    u = await get_user(1)\ng = lambda: await get_user(1)\n'
    diagnostics = any_checker.check(code, stubs=USER_STUBS)
    assert at(diagnostics, 'invalid-syntax') == [(2, 12, 2, 29), (4, 9, 4, 26), (5, 13, 5, 30)]


def test_columns_count_characters(any_checker: TypeChecker) -> None:
    [diagnostic] = any_checker.check("s = 'héllo wörld'; n: int = 'é'\n")
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (1, 29, 32)
    [diagnostic] = any_checker.check("import json\nx = 'ü'; import os\n")
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (2, 17, 19)


def test_names_from_stubs_resolve_and_imports_in_stubs_do_not_leak(checker: TypeChecker) -> None:
    code = 'm: Messages = []\nx: Any = 1\n'
    diagnostics = checker.check(code, stubs=SEED_STUBS)
    assert [(d.rule, d.line, d.column) for d in diagnostics] == [('unresolved-reference', 2, 4)]


def test_stub_errors_are_not_reported_in_user_coordinates(checker: TypeChecker) -> None:
    stubs = 'def broken() -> Nope: ...\nvalue: int = "text"\n'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        assert checker.check('print(value)\nbroken()\n', stubs=stubs) == []
    [warning] = [w for w in caught if issubclass(w.category, MontyStubsWarning)]
    assert 'stubs.pyi:1:17: error[unresolved-reference]' in str(warning.message)
    assert warning.filename == __file__  # points at the caller, not at monty's internals
    diagnostics = check_stubs(stubs, checker=checker)
    assert [(d.rule, d.line, d.column) for d in diagnostics] == [
        ('unresolved-reference', 1, 17),
        ('invalid-assignment', 2, 14),
    ]
    # A user error is still reported at the user's line, not shifted by the stubs.
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        [diagnostic] = checker.check('x: str = value\n', stubs=stubs)
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ('invalid-assignment', 1, 10)


def test_no_temp_paths_in_output(any_checker: TypeChecker) -> None:
    code = 'import json.nope\nx: int = "a"\n'
    diagnostics = any_checker.check(code, modules=SANDBOX_MODULES | {'json.nope'})
    text = MontyTypingError(diagnostics, script_name='agent.py').display('full')
    for fragment in ('_monty_main', '__builtins__', 'monty-ty-', '/tmp', 'site-packages'):
        assert fragment not in text
    assert 'agent.py:1:8' in text and 'agent.py:2:10' in text


def test_undeclared_inputs_and_external_functions_are_any(any_checker: TypeChecker) -> None:
    code = 'result = await fetch(url, retries=3)\nprint(result.anything, url.upper())\nnotify(result)\n'
    assert (
        check_or_raise(code, inputs=['url'], external_functions=['fetch', 'notify'], checker=any_checker)
        == []
    )
    [diagnostic] = any_checker.check(code, inputs=['url'], external_functions=['fetch'])
    assert (diagnostic.rule, diagnostic.line) == ('unresolved-reference', 3)
    # Declared names keep their stub types; the others are added as Any.
    stubs = build_stubs('url: str\n', ['url', 'count'], ['fetch'])
    assert 'url: str' in stubs and 'count: _monty_typing.Any' in stubs and 'def fetch(' in stubs
    [diagnostic] = any_checker.check(
        'x: int = url\ny: int = count\n', stubs='url: str\n', inputs=['url', 'count']
    )
    assert (diagnostic.rule, diagnostic.line) == ('invalid-assignment', 1)


def test_repl_snippets_see_earlier_snippets(checker: TypeChecker) -> None:
    previous = ['import json\nx = 1\n', 'def double(n: int) -> int:\n    return n * 2\nbad: int = "ignored"']
    assert checker.check('print(double(x), json.dumps(x))\n', previous=previous) == []
    [diagnostic] = checker.check('y = 2\nz = double("a")\n', previous=previous)
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ('invalid-argument-type', 2, 12)
    assert diagnostic.source_line == 'z = double("a")'


def test_syntax_error_is_reported(any_checker: TypeChecker) -> None:
    diagnostics = any_checker.check('x = 1\ny = (2,\n')
    assert diagnostics and diagnostics[0].rule == 'invalid-syntax'
    assert diagnostics[0].line >= 2


def test_backends_agree(checker: TypeChecker) -> None:
    cli = TypeChecker(backend='cli')
    server = TypeChecker(backend='server')
    try:
        for code in [
            SEED_CODE.replace('[]', '42'),
            'u = await get_user(1)\nu["nope"]\nget_user(2)\nimport os\n',
            "s = 'ü'; n: int = s\n",
        ]:

            def key(d: Diagnostic) -> tuple[object, ...]:
                return (d.rule, d.severity, d.message, d.line, d.column, d.end_line, d.end_column)

            a = [key(d) for d in cli.check(code, stubs=USER_STUBS + SEED_STUBS)]
            b = [key(d) for d in server.check(code, stubs=USER_STUBS + SEED_STUBS)]
            assert a == b and a
    finally:
        server.close()


def test_warnings_do_not_fail_the_check(checker: TypeChecker) -> None:
    code = 'from typing import reveal_type\nreveal_type(limit)\nx = reveal_type\n'
    diagnostics = check_or_raise(code, stubs=USER_STUBS, checker=checker)
    assert [(d.rule, d.severity) for d in diagnostics] == [('revealed-type', 'info')]
    diagnostics = check_or_raise('reveal_type(1)\n', checker=checker)
    assert {d.severity for d in diagnostics} == {'warning', 'info'}


# -- rendering --------------------------------------------------------------------------------------


def test_display_formats(checker: TypeChecker) -> None:
    code = 'n = 1\nx: int = word_count(\n    limit\n)\nimport os\n'
    with pytest.raises(MontyTypingError) as info:
        check_or_raise(code, stubs=USER_STUBS, script_name='tool.py', checker=checker)
    error = info.value
    full = error.display('full')
    assert full == error.display()
    assert full.splitlines()[:5] == [
        'error[invalid-argument-type]: Argument to function `word_count` is incorrect: '
        'Expected `str`, found `int`',
        ' --> tool.py:3:5',
        '  |',
        '3 |     limit',
        '  |     ^^^^^',
    ]
    assert "error[monty-unavailable-module]: module 'os' is not available" in full
    assert ' --> tool.py:5:8' in full
    concise = error.display('concise').splitlines()
    assert concise[0].startswith('tool.py:3:5: error[invalid-argument-type] ')
    assert concise[1].startswith('tool.py:5:8: error[monty-unavailable-module] ')
    assert str(error) == error.display('concise')
    data = json.loads(error.display('json'))
    assert (
        data[0]['file'] == 'tool.py' and data[0]['line'] == 3 and data[0]['rule'] == 'invalid-argument-type'
    )
    host = error.exception()
    assert type(host) is TypeError and str(host) == str(error)
    again = pickle.loads(pickle.dumps(error))
    assert again.diagnostics == error.diagnostics and again.script_name == 'tool.py'


def test_full_rendering_of_a_multi_line_range() -> None:
    diagnostic = Diagnostic(
        'unsupported-operator', 'error', 'bad +', 9, 10, 10, 7, 'z: int = f(1) + \\', more_lines=("   'x'",)
    )
    assert diagnostic.render('a.py', 'full').splitlines() == [
        'error[unsupported-operator]: bad +',
        '  --> a.py:9:10',
        '   |',
        ' 9 | z: int = f(1) + \\',
        '   |          ^^^^^^^^',
        "10 |    'x'",
        '   |    ^^^',
    ]


# -- the CLI ----------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {
        'clean': tmp_path / 'clean.py',
        'bad': tmp_path / 'bad.py',
        'warn': tmp_path / 'warn.py',
        'stubs': tmp_path / 'stubs.pyi',
    }
    out['clean'].write_text(SEED_CODE)
    out['bad'].write_text(SEED_CODE.replace('[]', '42'))
    out['warn'].write_text('reveal_type(1)\n')
    out['stubs'].write_text(SEED_STUBS)
    return out


def run_check(argv: list[str], checker: TypeChecker) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = check_main(argv, stdout=out, stderr=err, checker=checker)
    return code, out.getvalue(), err.getvalue()


def test_cli_exit_codes_and_output(files: dict[str, Path], checker: TypeChecker) -> None:
    code, out, _ = run_check([str(files['clean']), '--stubs', str(files['stubs'])], checker)
    assert (code, out) == (0, 'All checks passed!\n')
    code, out, _ = run_check([str(files['bad']), '--stubs', str(files['stubs'])], checker)
    assert code == 1
    assert out.splitlines()[0].startswith(f'{files["bad"]}:10:21: error[invalid-argument-type] ')
    assert out.splitlines()[-1] == 'Found 1 diagnostic'
    code, out, _ = run_check([str(files['bad']), '--stubs', str(files['stubs']), '--format', 'full'], checker)
    assert code == 1 and f' --> {files["bad"]}:10:21' in out
    code, out, _ = run_check([str(files['bad']), '--stubs', str(files['stubs']), '--format', 'json'], checker)
    assert code == 1 and json.loads(out)[0]['line'] == 10
    # Without stubs, the names are undefined.
    code, out, _ = run_check([str(files['clean'])], checker)
    assert code == 1 and 'unresolved-reference' in out
    code, out, _ = run_check(
        [str(files['clean']), '--input', 'prompt', '--external-function', 'call_llm'], checker
    )
    assert code == 1 and 'Messages' in out and 'prompt' not in out
    # Warnings only: exit 0.
    code, out, _ = run_check([str(files['warn'])], checker)
    assert code == 0 and 'warning[undefined-reveal]' in out


def test_cli_usage_errors(files: dict[str, Path], checker: TypeChecker) -> None:
    code, _, err = run_check([], checker)
    assert code == 2 and 'usage: monty check' in err
    code, _, err = run_check([str(files['clean']), '--format', 'xml'], checker)
    assert code == 2 and 'invalid choice' in err
    code, _, err = run_check([str(files['clean'].parent / 'missing.py')], checker)
    assert code == 2 and 'missing.py' in err
    code, _, err = run_check([str(files['clean']), '--stubs', '/nonexistent/stubs.pyi'], checker)
    assert code == 2


def test_cli_in_a_subprocess(files: dict[str, Path]) -> None:
    script = 'import sys; from monty_core.typecheck import check_main; sys.exit(check_main(sys.argv[1:]))'
    proc = subprocess.run(
        [sys.executable, '-c', script, str(files['bad']), '--stubs', str(files['stubs'])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert f'{files["bad"]}:10:21: error[invalid-argument-type]' in proc.stdout
    proc = subprocess.run(
        [sys.executable, '-c', script, str(files['clean']), '--stubs', str(files['stubs'])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stdout) == (0, 'All checks passed!\n'), proc.stderr


# -- ty itself --------------------------------------------------------------------------------------


def test_ty_is_found_through_its_package() -> None:
    path = find_ty()
    assert os.path.isfile(path) and os.access(path, os.X_OK)


def test_missing_ty_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for backend in ('auto', 'server', 'cli'):
        tc = TypeChecker(ty_path='/nonexistent/bin/ty', backend=backend)  # type: ignore[arg-type]
        with pytest.raises(TyUnavailableError, match=r'pip install ty'):
            tc.check('x = 1\n')
    monkeypatch.setenv('MONTY_TY_PATH', '/nonexistent/bin/ty')
    with pytest.raises(TyUnavailableError, match=r'pip install ty'):
        type_check('x = 1\n', checker=TypeChecker())


def test_broken_ty_gives_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / 'ty'
    fake.write_text('#!/bin/sh\necho "ty: something went wrong" >&2\nexit 3\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    tc = TypeChecker(ty_path=str(fake))
    with pytest.raises(TyUnavailableError, match=r'something went wrong(.|\n)*pip install --upgrade ty'):
        tc.check('x = 1\n')
    tc.close()


def test_server_is_restarted_when_it_dies() -> None:
    tc = TypeChecker(backend='server')
    try:
        assert tc.check('x: int = 1\n') == []
        server = tc._server
        assert server is not None and server._proc is not None
        server._proc.kill()
        server._proc.wait()
        [diagnostic] = tc.check('x: int = "a"\n')
        assert diagnostic.rule == 'invalid-assignment'
        assert server.running
    finally:
        tc.close()
    assert tc._server is None


def test_checks_from_many_threads(checker: TypeChecker) -> None:
    results: dict[int, list[Diagnostic]] = {}

    def work(i: int) -> None:
        results[i] = checker.check(f'x{i}: int = "{i}"\n' * (i % 3 + 1), stubs=f'v{i % 2}: int\n')

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, diagnostics in results.items():
        assert [d.line for d in diagnostics] == list(range(1, i % 3 + 2))
        assert all(f'"{i}"' in d.message for d in diagnostics)


def test_every_sandbox_module_type_checks(checker: TypeChecker) -> None:
    code = 'from __future__ import annotations\n' + ''.join(f'import {m}\n' for m in sorted(SANDBOX_MODULES))
    assert checker.check(code) == []
    [diagnostic] = checker.check('from . import helpers\n')
    assert diagnostic.rule == 'monty-unavailable-module' and 'relative import' in diagnostic.message
    # The module set is a parameter.
    assert checker.check('import os\n', modules=SANDBOX_MODULES | {'os'}) == []


def test_falls_back_to_ty_check_when_the_server_fails(tmp_path: Path) -> None:
    wrapper = tmp_path / 'ty'
    wrapper.write_text(f'#!/bin/sh\nif [ "$1" = server ]; then exit 1; fi\nexec "{find_ty()}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    tc = TypeChecker(ty_path=str(wrapper))
    try:
        [diagnostic] = tc.check('x: int = "a"\n')
        assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ('invalid-assignment', 1, 10)
        assert tc.active_backend == 'cli'
    finally:
        tc.close()
