"""Red-team payloads, round 3 (new angles: not variants of payloads.py, test_seal_v2.py,
test_escapes.py or test_redteam_v2.py).

Every test asserts the SAFE outcome. Tests marked `xfail(strict=True)` are findings: they fail today
(the payload works) and their reason names the root cause. Tests without the mark are angles that
held.

Findings, by root cause:

- MANGLE  compiler/opentypes.py `OpenFacts._load_key`/`_store_key`/`_variable`: names are resolved as
          written, but CPython mangles `__x` inside a class (`_C__x`). A global `_C__x` bound by the
          program is a different name to the analysis, so `__x` read in class `C` is "a global no
          statement binds" = an input = open: the read compiles to plain bytecode on any object.
- PRINT   compiler/__init__.py `_builtin_names` = runtime/builtins.py `TEMPLATE`, which lacks the
          per-run `print` (added by `make_builtins`): `print` is taken for an input and proven open,
          although it is a host `FunctionType` (not open).
- ANNWALRUS  opentypes.py `_w_annassign`: the site of a flag update is set before `_bind_target`
          walks an attribute/subscript target, so `:=` inside `a[(x := v)]: T = ...` gets a flag
          update *after* a statement that can raise after binding `x`: the flag goes stale.
- WITHFLAG  opentypes.py `_w_with` / rewrite.py `_visit_with`: the flags of `with A() as x, B():`
          are updated at the start of the body, but `x` is bound before `B()` (and its `__enter__`)
          run; if they raise, or read `x` themselves, the flag is stale.
- MSGSUB  runtime/errors.py `describe_exception` (and convert.py `_host_exception`): `str(exc)` may
          return a str *subclass* defined by the sandbox; it is kept as `MontyRuntimeError.message`
          (and as the args of an exception returned as a result), so host code that formats the error
          runs sandbox dunders after the run (they raise `RuntimeError('the run has ended')` in the
          host, a non-Monty exception).
- CURRENT stdlib/_support.py `current()`: a greenlet with no bound run falls back to `_LAST.ctx`,
          the last run bound on the thread; a REPL's later snippet (its modules were imported by an
          earlier snippet) then prints into another live run's output and reads its host hooks.
- SETORDER  the order of a set of strs (seeded hash) reaches sandbox code through `set.pop()`,
          `dict.fromkeys(s)`, `itertools.chain(s)`, `collections.Counter(s)`, `s.__iter__()`:
          runtime/rendering.py canonical order covers the compiled iteration paths only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from monty_core import Monty, MontyError, MontyRepl, MontyRuntimeError, MontySyntaxError

from .conftest import Canary


def run(code: str, **kwargs: Any) -> Any:
    return Monty(code).run(**kwargs)


def error_of(code: str, **kwargs: Any) -> MontyRuntimeError:
    with pytest.raises(MontyRuntimeError) as info:
        run(code, **kwargs)
    return info.value


def refused(code: str, **kwargs: Any) -> None:
    with pytest.raises((MontyRuntimeError, MontySyntaxError)):
        run(code, **kwargs)


# A host object whose public attributes the guard refuses (`_GeneratorContextManager.gen`): a plain
# read of `.gen` on it is a native read the guard would have refused.
CM = """
import contextlib
@contextlib.contextmanager
def g():
    yield 1
cm = g()
"""

MANGLE = (
    'MANGLE: opentypes resolves `__x` in a class as written, CPython reads the mangled `_C__x`: the '
    'analysis takes it for an unbound global (an input, open) and compiles a plain read on any object'
)
PRINT = 'PRINT: `print` is not in compiler._builtin_names (TEMPLATE): proven open as an input'
ANNWALRUS = (
    'ANNWALRUS: opentypes._w_annassign sets the flag site before walking the target, so `:=` in an '
    'annotated subscript/attribute target gets a flag update after a statement that raises'
)
WITHFLAG = (
    'WITHFLAG: the flag of `with A() as x, B():` is updated at the body start; x is bound before B() '
    'runs and raises (or reads x itself)'
)
MSGSUB = (
    'MSGSUB: runtime/errors.describe_exception keeps `str(exc)` as returned: a sandbox str subclass '
    'reaches the host (MontyRuntimeError.message, args of a returned exception)'
)
CURRENT = (
    'CURRENT: stdlib/_support.current() falls back to the last run bound on the thread (_LAST.ctx): '
    "a REPL snippet uses another live run's output and hooks"
)
SETORDER = 'SETORDER: set iteration order (seeded str hash) reaches sandbox code'


# == 1-2. The compiler's proofs =========================================================================
def test_mangle_global_read_is_native() -> None:
    code = CM + '_C__x = cm\nclass C:\n    def m(self):\n        return str(__x.gen)\nC().m()'
    refused(code)


def test_mangle_in_a_class_body_comprehension() -> None:
    code = CM + '_C__x = cm\nclass C:\n    y = [str(__x.gen) for _ in [1]]\nC.y'
    refused(code)


def test_mangle_closure_variable_of_a_proven_str() -> None:
    # `__x` is a proven str in `outer` (unmangled); inside `C`, `__x` is the global `_C__x`.
    code = CM + (
        '_C__x = cm\n'
        'def outer():\n'
        "    __x = 'text'\n"
        '    class C:\n'
        '        def m(self):\n'
        '            return str(__x.gen)\n'
        '    return C().m()\n'
        'outer()'
    )
    refused(code)


def test_mangle_reads_through_a_typing_alias_to_the_unchecked_deque() -> None:
    # `typing.Deque.extend` forwards (`_BaseGenericAlias.__getattr__`) to the real, unchecked
    # `collections.deque.extend`, which the guard never hands out.
    code = (
        'import typing\n_C__x = typing.Deque\n'
        'class C:\n    def m(self):\n        return __x.extend\n'
        'str(C().m())'
    )
    refused(code)


def test_mangle_reads_cpython_re_through_typing_pattern() -> None:
    # `typing.Pattern.sub` forwards to CPython's `re.Pattern.sub` (no timeout, unlike the sandbox's
    # `re`, which runs on `regex` with the run's remaining time); the guard refuses it.
    code = (
        'import typing\n_C__x = typing.Pattern\n'
        'class C:\n    def m(self):\n        return __x.sub\n'
        'str(C().m())'
    )
    refused(code)


def test_print_is_proven_open() -> None:
    from monty_core.compiler import compile_program

    program = compile_program('print.some_name', 'main.py')
    names = set(program.code.co_names)
    assert '_m_getattr' in names or '_m_type' in names, 'a plain LOAD_ATTR on the host print function'


def test_annotated_subscript_walrus_leaves_a_stale_flag() -> None:
    code = CM + (
        "x = 'abc'\n"
        'x.upper()\n'
        'a = ()\n'
        'try:\n'
        '    a[(x := cm)]: int = 1\n'
        'except TypeError:\n'
        '    pass\n'
        'str(x.gen)'
    )
    refused(code)


def test_annotated_attribute_walrus_leaves_a_stale_flag() -> None:
    code = CM + (
        "x = 'abc'\n"
        'x.upper()\n'
        'try:\n'
        '    (x := cm).field: int = 1\n'
        'except AttributeError:\n'
        '    pass\n'
        'str(x.func)'
    )
    refused(code)


def test_with_second_item_raises_after_first_binding() -> None:
    code = CM + (
        'class W:\n'
        '    def __enter__(self):\n'
        '        return cm\n'
        '    def __exit__(self, *a):\n'
        '        return False\n'
        "x = 'abc'\n"
        'x.upper()\n'
        'try:\n'
        '    with W() as x, 1 / 0:\n'
        '        pass\n'
        'except ZeroDivisionError:\n'
        '    pass\n'
        'str(x.gen)'
    )
    refused(code)


def test_with_second_item_reads_the_first_binding() -> None:
    # No exception needed: the second context expression runs while `x` is bound and its flag stale.
    code = CM + (
        'class W:\n'
        '    def __enter__(self):\n'
        '        return cm\n'
        '    def __exit__(self, *a):\n'
        '        return False\n'
        'def f():\n'
        "    x = 'abc'\n"
        '    x.upper()\n'
        '    seen = []\n'
        '    def peek():\n'
        '        seen.append(str(x.gen))\n'
        '        return W()\n'
        '    with W() as x, peek():\n'
        '        pass\n'
        '    return seen\n'
        'f()'
    )
    refused(code)


# == 1/5. Sandbox objects reaching the host ==================================================================
EVIL_STR = """
class S(str):
    def __format__(self, spec):
        return 'sandbox code ran in the host'
    def __repr__(self):
        return 'sandbox code ran in the host'
    def __str__(self):
        return self
    def __len__(self):
        return 1
"""


def test_error_message_is_exact_str() -> None:
    err = error_of(
        EVIL_STR + 'class E(Exception):\n    def __str__(self):\n        return S("boom")\nraise E()'
    )
    assert type(err.message) is str


def test_error_display_runs_no_sandbox_code_in_the_host() -> None:
    err = error_of(
        EVIL_STR + 'class E(Exception):\n    def __str__(self):\n        return S("boom")\nraise E()'
    )
    # Host code touching the error: each of these calls the sandbox's __format__/__len__ today, which
    # raises RuntimeError('the run has ended') in the host (not a MontyError).
    err.display()
    f'{err.message}'
    err.exception()


def test_chained_error_message_is_exact_str() -> None:
    code = EVIL_STR + (
        'class E(Exception):\n    def __str__(self):\n        return S("first")\n'
        'try:\n    raise E()\nexcept E:\n    raise ValueError("second")'
    )
    err = error_of(code)
    assert all(type(message) is str for _, message, _, _ in err.chain)


def test_returned_exception_carries_no_sandbox_object() -> None:
    result = run(EVIL_STR + 'ValueError(S("boom"))')
    assert all(type(a) is str for a in result.args)
    repr(result)


# == 4. Cross-run state ===========================================================================================
def test_repl_snippet_prints_into_another_live_run() -> None:
    got: list[tuple[str, str]] = []
    repl = MontyRepl()
    repl.feed_run('import pprint')
    other = Monty('import pprint\nfetch()\nprint("other done")', external_functions=['fetch'])
    paused = other.start(print_callback=lambda stream, text: got.append(('other', text)))  # at fetch()
    try:
        repl.feed_run('pprint.pprint("from the REPL")', print_callback=lambda s, t: got.append(('repl', t)))
    except MontyError:
        pass
    assert paused is not None
    assert not any(who == 'other' and 'REPL' in text for who, text in got), got


def test_repl_snippet_reads_another_runs_clock_hook() -> None:
    repl = MontyRepl()
    repl.feed_run('import datetime')
    seen: list[Any] = []

    def fetch() -> Any:
        try:
            seen.append(repl.feed_run('str(datetime.datetime.now())'))
        except MontyError as e:
            seen.append(e)
        return 1

    Monty('import datetime\nfetch()', external_functions=['fetch']).run(
        external_functions={'fetch': fetch}, hooks={'now': lambda: 1234567890.0}
    )
    # The REPL was given no clock: its snippet must not read the other run's.
    assert isinstance(seen[0], MontyError), seen


# == 6. Seeded hashes ==============================================================================================
_WORDS = "{'alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta', 'iota', 'kappa'}"


def _in_fresh_processes(code: str, n: int = 4) -> set[str]:
    script = f'from monty_core import Monty\nprint(repr(Monty({code!r}).run()))\n'
    outs = set()
    for seed in range(1, n + 1):  # fixed seeds: the outcome does not depend on the CI's environment
        env = {**os.environ, 'PYTHONHASHSEED': str(seed)}
        done = subprocess.run(
            [sys.executable, '-c', script], capture_output=True, text=True, check=True, env=env
        )
        outs.add(done.stdout)
    return outs


@pytest.mark.xfail(strict=True, reason=SETORDER + ' (set.pop)')
def test_set_pop_is_the_same_in_every_process() -> None:
    assert len(_in_fresh_processes(f's = {_WORDS}\n[s.pop() for _ in range(3)]')) == 1


@pytest.mark.xfail(strict=True, reason=SETORDER + ' (dict.fromkeys)')
def test_dict_fromkeys_of_a_set_is_the_same_in_every_process() -> None:
    assert len(_in_fresh_processes(f'list(dict.fromkeys({_WORDS}))')) == 1


@pytest.mark.xfail(strict=True, reason=SETORDER + ' (itertools.chain)')
def test_itertools_chain_of_a_set_is_the_same_in_every_process() -> None:
    assert len(_in_fresh_processes(f'import itertools\nlist(itertools.chain({_WORDS}))')) == 1


@pytest.mark.xfail(strict=True, reason=SETORDER + ' (set.__iter__)')
def test_set_dunder_iter_is_the_same_in_every_process() -> None:
    assert len(_in_fresh_processes(f'it = {_WORDS}.__iter__()\n[next(it) for _ in range(3)]')) == 1


@pytest.mark.xfail(strict=True, reason=SETORDER + ' (collections.Counter)')
def test_counter_of_a_set_is_the_same_in_every_process() -> None:
    assert len(_in_fresh_processes(f'import collections\nlist(collections.Counter({_WORDS}))')) == 1


def test_held_join_of_a_set_is_canonical() -> None:
    assert len(_in_fresh_processes(f"'-'.join({_WORDS})")) == 1


# == 5. Host exceptions ======================================================================================
SURROGATE = (
    'SURROGATE: execution/encoding.py pack() encodes the snapshot JSON with ensure_ascii=False and '
    '.encode("utf-8"): a lone surrogate in a logged host-call argument makes dump() raise '
    'UnicodeEncodeError in the host (not a MontyError), and the run cannot be persisted'
)


def test_snapshot_dump_with_a_lone_surrogate_argument() -> None:
    snap = Monty('fetch(chr(0xD800))', external_functions=['fetch']).start()
    try:
        snap.dump()
    except MontyError:
        pass


def test_held_repl_dump_with_a_lone_surrogate_result() -> None:
    repl = MontyRepl()
    repl.feed_run('x = chr(0xD800)\nx')
    repl.dump()


# == 6. Real addresses =======================================================================================
ADDR = (
    'ADDR: runtime/rendering.py renders only builtin containers and sandbox classes stably; host types '
    'whose C/Python repr renders their items with the host repr (slice, functools.partial, deque, '
    'defaultdict, OrderedDict, Counter, ChainMap, staticmethod, classmethod, typing forms, '
    'operator.itemgetter) show the real address of an `object()` or a function inside'
)
_REAL = r'0x(?!7f0000)[0-9a-f]{8,}'

ADDRESS_PAYLOADS = [
    ('slice', 'repr(slice(object()))'),
    ('slice_str_function', 'str(slice(lambda: 0))'),
    ('partial', 'import functools\nrepr(functools.partial(lambda: 0))'),
    ('deque', 'import collections\nrepr(collections.deque([object()]))'),
    ('defaultdict_factory', 'import collections\nrepr(collections.defaultdict(lambda: 0))'),
    ('ordereddict_fstring', "import collections\nf'{collections.OrderedDict(a=object())}'"),
    ('counter_print', 'import collections\nprint(collections.Counter({object(): 1}))'),
    ('chainmap', 'import collections\nstr(collections.ChainMap({1: object()}))'),
    ('staticmethod', 'repr(staticmethod(lambda: 1))'),
    ('classmethod', 'repr(classmethod(lambda c: 1))'),
    ('typing_optional', 'import typing\nrepr(typing.Optional[object()])'),
    ('typing_literal', 'import typing\nrepr(typing.Literal[object()])'),
    ('itemgetter', 'import operator\nrepr(operator.itemgetter(object()))'),
]


@pytest.mark.parametrize('code', [c for _, c in ADDRESS_PAYLOADS], ids=[i for i, _ in ADDRESS_PAYLOADS])
def test_no_real_address(code: str) -> None:
    import re

    printed: list[str] = []
    result = run(code, print_callback=lambda s, t: printed.append(t))
    assert not re.search(_REAL, repr(result) + ''.join(printed)), (result, printed)


# == 4. Cross-run state: functools.update_wrapper on process-wide classes ===================================
WRAPS = (
    'WRAPS: stdlib/functools.py _is_sandbox_target accepts any class carrying the sandbox mark, '
    "not only the current run's: typing's process-wide NamedTupleBase/TypedDictBase (mark True, "
    'reachable as `P.__mro__[1]`) get `__name__`/`__doc__`/`__module__`/`__wrapped__` written by one '
    'run and read (and called) by every later run'
)


@pytest.fixture
def typing_bases() -> Any:
    from monty_core.stdlib.typing import NamedTupleBase, TypedDictBase

    saved = [(k, dict(k.__dict__)) for k in (NamedTupleBase, TypedDictBase)]
    yield
    for klass, before in saved:
        for name in list(klass.__dict__):
            if name not in before:
                type.__delattr__(klass, name)
        for name, value in before.items():
            if klass.__dict__.get(name) is not value:
                type.__setattr__(klass, name, value)


PLANT = """
import typing, functools
class P(typing.NamedTuple):
    a: int
stolen = []
def g(*args):
    stolen.append(args)
    return 'answered by run A'
g.__doc__ = 'written by run A'
functools.update_wrapper(P.__mro__[1], g, updated=())
fetch()
stolen
"""

VICTIM = """
import typing
class Q(typing.NamedTuple):
    b: int
Q.__mro__[1].__wrapped__('secret of run B')
"""


def test_wraps_plants_a_function_another_run_calls(typing_bases: Any) -> None:
    paused = Monty(PLANT, external_functions=['fetch']).start()  # run A waits at fetch()
    try:
        answer = run(VICTIM)
    except MontyRuntimeError:
        answer = None
    done = paused.resume(return_value=None)
    assert answer is None and done.output == [], (answer, done.output)  # type: ignore[union-attr]


def test_wraps_renames_a_process_wide_class(typing_bases: Any) -> None:
    from monty_core.stdlib.typing import NamedTupleBase

    code = (
        'import typing, functools\nclass P(typing.NamedTuple):\n    a: int\n'
        "def note():\n    'left by an earlier run'\n"
        'try:\n    functools.update_wrapper(P.__mro__[1], note)\nexcept AttributeError:\n    pass\n'
    )
    try:
        run(code)
    except MontyRuntimeError:
        pass
    assert NamedTupleBase.__doc__ != 'left by an earlier run'
    later = 'import typing\nclass R(typing.NamedTuple):\n    c: int\nR.__mro__[1].__doc__'
    assert run(later) != 'left by an earlier run'


def test_wraps_on_a_typed_dict_base(typing_bases: Any) -> None:
    from monty_core.stdlib.typing import TypedDictBase

    code = (
        'import typing, functools\nclass T(typing.TypedDict):\n    a: int\n'
        "def h():\n    'planted'\n"
        'functools.update_wrapper(T.__mro__[1], h, updated=())\n'
    )
    try:
        run(code)
    except MontyError:
        pass
    assert '__wrapped__' not in TypedDictBase.__dict__


def test_wraps_gives_an_exception_class_a_sandbox_str_name() -> None:
    code = EVIL_STR + (
        'import functools\n'
        'class E(Exception):\n    pass\n'
        'def f():\n    pass\n'
        "f.__name__ = S('E')\n"
        'functools.update_wrapper(E, f, updated=())\n'
        'raise E()'
    )
    err = error_of(code)
    assert type(err.type_name) is str


# == 5. BaseExceptions raised into the host =================================================================
RAISE_INTO_HOST = (
    'MSGSUB (host exceptions): MontyRuntimeError.__init__ evaluates `message` (`if message`, '
    "f'{type_name}: {message}') inside Execution._main's `except BaseException` handler; a str "
    "subclass message's __len__/__format__ is sandbox code whose exception escapes the run's greenlet: "
    'run() raises KeyboardInterrupt / SystemExit in the host'
)


def test_keyboard_interrupt_raised_into_the_host() -> None:
    code = (
        'class S(str):\n    def __len__(self):\n        raise KeyboardInterrupt("raised into the host")\n'
        'class E(Exception):\n    def __str__(self):\n        return S("boom")\n'
        'raise E()'
    )
    escaped: BaseException | None = None
    try:
        run(code)
    except MontyError:
        pass
    except BaseException as e:  # (KeyboardInterrupt would otherwise stop the test session)
        escaped = e
    assert escaped is None, f'{type(escaped).__name__} reached the host'


def test_system_exit_terminates_a_host_process() -> None:
    script = (
        'from monty_core import Monty, MontyError\n'
        'code = """\nclass S(str):\n    def __format__(self, spec):\n        raise SystemExit(7)\n'
        'class E(Exception):\n    def __str__(self):\n        return S("boom")\nraise E()\n"""\n'
        'try:\n    Monty(code).run()\nexcept MontyError:\n    pass\n'
        'print("host still alive")\n'
    )
    done = subprocess.run(
        [sys.executable, '-c', script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and 'host still alive' in done.stdout, (done.returncode, done.stderr[-500:])


# == Angles that held ==========================================================================================
HELD = [
    # a traceback handed to an ExitStack callback is a dead end
    (
        'exitstack_traceback_frame',
        'import contextlib\ntbs = []\ndef cb(t, v, tb):\n    tbs.append(tb)\n    return True\n'
        'with contextlib.ExitStack() as s:\n    s.push(cb)\n    1 / 0\ntbs[0].tb_frame',
    ),
    # the mangled-name native read (MANGLE) never reaches a dunder: those always go through the guard
    (
        'mangle_dunder_is_guarded',
        '_C__x = print\nclass C:\n    def m(self):\n        return __x.__globals__\nC().m()',
    ),
    # evaluating string annotations would run uncompiled code: not offered
    ('typing_get_type_hints', 'import typing\ntyping.get_type_hints'),
    ('redirect_stdout', 'import contextlib\ncontextlib.redirect_stdout'),
    ('int_max_str_digits', 'import sys\nsys.set_int_max_str_digits(0)'),
    ('hashlib_scrypt', "import hashlib\nhashlib.scrypt(b'x', salt=b'y', n=2**20, r=8, p=1)"),
    ('uuid_getnode', 'import uuid\nuuid.getnode()'),
    # direct writes to the process-wide typing base stay refused (only update_wrapper gets through)
    ('namedtuple_base_write', 'import typing\nclass P(typing.NamedTuple):\n    a: int\nP.__mro__[1].x = 1'),
    ('json_deep_nesting', "import json\njson.loads('[' * 100000 + ']' * 100000)"),
    ('function_name_non_str', 'def f():\n    pass\nf.__name__ = 1'),
]


@pytest.mark.parametrize('code', [c for _, c in HELD], ids=[i for i, _ in HELD])
def test_held(code: str) -> None:
    refused(code)


def test_held_decimal_basic_context_is_per_run() -> None:
    import decimal

    assert run('import decimal\ndecimal.BasicContext.prec = 3\ndecimal.BasicContext.prec') == 3
    assert run('import decimal\ndecimal.BasicContext.prec') == 9
    assert decimal.BasicContext.prec == 9


def test_held_abc_base_is_per_run() -> None:
    code = "import abc, functools\ndef f():\n    'run A'\nfunctools.update_wrapper(abc.ABC, f, updated=())\nabc.ABC.__doc__"
    assert run(code) == 'run A'
    assert run('import abc\nabc.ABC.__doc__') != 'run A'


def test_held_canary_mangled_read_chain(canary: Canary) -> None:
    # Every plain-safe name reachable natively from the stdlib roots was walked host-side (no real
    # module, frame, code object or module globals at the end of any chain): the MANGLE primitive
    # reads refused attributes but found no way out. This run tries the obvious ones.
    canary.run(
        'import typing, string, json\n'
        'out = []\n'
        'for _C__x in (typing.Deque, typing.Pattern, string.Template, json.JSONDecoder(), fetch):\n'
        '    class C:\n'
        '        def m(self):\n'
        '            try:\n'
        '                return str(__x.environ)\n'
        '            except Exception as e:\n'
        '                return type(e).__name__\n'
        '    out.append(C().m())\n'
        'out'
    )
