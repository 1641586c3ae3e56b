"""Property-based fuzzing: random programs from the sandbox's grammar never crash the host, and only
Monty errors come out of the API.

CI runs a short budget; run a long one by hand with
`MONTY_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/security/test_fuzz.py -p no:cacheprovider`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monty_core import Monty, MontyError

EXAMPLES = int(os.environ.get('MONTY_FUZZ_EXAMPLES', '150'))
LIMITS = {'max_duration_secs': 0.2, 'max_memory': 32 * 1024 * 1024, 'max_output_bytes': 10_000}

NAMES = ['a', 'b', 'f', 'g', 'x', 'xs', 'C']
ATTRS = [
    'append',
    'upper',
    'format',
    'join',
    'center',
    'replace',
    'real',
    'keys',
    'items',
    'send',
    'value',
    '__class__',
    '__globals__',
    '__code__',
    '__closure__',
    '__self__',
    '__dict__',
    '__subclasses__',
    '__mro__',
    '__init__',
    '__reduce_ex__',
    '__mul__',
    '__format__',
    'gi_frame',
    'gi_code',
    'f_globals',
    'f_back',
    'tb_frame',
    'cr_frame',
    'mro',
    '_execution',
    'start',
    'step',
    'fromkeys',
    'to_bytes',
    'args',
]
BUILTINS = [
    'len',
    'str',
    'repr',
    'list',
    'tuple',
    'sorted',
    'sum',
    'min',
    'max',
    'range',
    'bytes',
    'type',
    'dir',
    'vars',
    'iter',
    'next',
    'hash',
    'format',
    'pow',
    'abs',
    'getattr',
    'hasattr',
    'print',
]
ATOMS = [
    '0',
    '1',
    '-1',
    '2',
    '10**6',
    '10**12',
    '0.5',
    "'s'",
    "'{0.__class__}'",
    "'%*d'",
    "b'x'",
    '[]',
    '[1, 2]',
    '()',
    '{}',
    'None',
    'True',
    'print',
    'fetch',
    'C',
    'g()',
]
BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '==', '<', 'in', 'is']


def expressions() -> st.SearchStrategy[str]:
    leaf = st.sampled_from(ATOMS + NAMES)

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, st.sampled_from(BINOPS), inner).map(lambda t: f'({t[0]} {t[1]} {t[2]})'),
            st.tuples(inner, st.sampled_from(ATTRS)).map(lambda t: f'{t[0]}.{t[1]}'),
            st.tuples(st.sampled_from(BUILTINS), st.lists(inner, max_size=3)).map(
                lambda t: f'{t[0]}({", ".join(t[1])})'
            ),
            st.tuples(inner, st.lists(inner, max_size=2)).map(lambda t: f'{t[0]}({", ".join(t[1])})'),
            st.tuples(inner, inner).map(lambda t: f'{t[0]}[{t[1]}]'),
            st.tuples(inner, inner).map(lambda t: f'[{t[0]} for x in {t[1]}]'),
            st.tuples(inner, st.sampled_from(ATTRS)).map(lambda t: f"getattr({t[0]}, '{t[1]}')"),
            st.tuples(inner, inner).map(lambda t: f"'{{0.{ATTRS[len(t[1]) % len(ATTRS)]}}}'.format({t[0]})"),
            st.tuples(inner, inner).map(lambda t: f"f'{{{t[0]}:>{{{t[1]}}}}}'"),
            inner.map(lambda e: f'(lambda a: {e})(1)'),
        )

    return st.recursive(leaf, extend, max_leaves=8)


def statements() -> st.SearchStrategy[str]:
    expr = expressions()
    simple = st.one_of(
        st.tuples(st.sampled_from(NAMES[:5]), expr).map(lambda t: f'{t[0]} = {t[1]}'),
        st.tuples(st.sampled_from(NAMES[:5]), st.sampled_from(['+=', '*=', '%=', '**=']), expr).map(
            lambda t: f'{t[0]} {t[1]} {t[2]}'
        ),
        expr.map(lambda e: f'print({e})'),
        expr,
        st.tuples(expr, st.sampled_from(ATTRS)).map(lambda t: f'{t[0]}.{t[1]} = 1'),
    )

    def block(body: list[str], head: str) -> str:
        return head + '\n' + '\n'.join('    ' + line for stmt in body for line in stmt.splitlines())

    compound = st.one_of(
        st.tuples(expr, st.lists(simple, min_size=1, max_size=3)).map(
            lambda t: block(t[1], f'for x in {t[0]}:')
        ),
        st.tuples(expr, st.lists(simple, min_size=1, max_size=3)).map(
            lambda t: block(t[1], f'while {t[0]}:')
        ),
        st.lists(simple, min_size=1, max_size=3).map(
            lambda b: block(b, 'try:') + '\nexcept BaseException as e:\n    print(e.args)'
        ),
        st.lists(simple, min_size=1, max_size=3).map(lambda b: block([*b, 'return a'], 'def f(a=1):')),
        st.tuples(expr, st.sampled_from(ATTRS)).map(
            lambda t: f'match {t[0]}:\n    case C(x=v):\n        print(v)\n    case _:\n        pass'
        ),
    )
    return st.one_of(simple, compound)


PRELUDE = """
class C:
    __match_args__ = ('x',)
    def __init__(self, x=1):
        self.x = x
def g():
    yield 1
a = 1
b = 's'
x = [1]
xs = [1, 2, 3]
def f(a=1):
    return a
"""


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
@given(st.lists(statements(), min_size=1, max_size=6))
def test_random_programs_only_raise_monty_errors(body: list[str]) -> None:
    code = PRELUDE + '\n'.join(body)
    try:
        program = Monty(code, external_functions=['fetch'])
        program.run(
            external_functions={'fetch': lambda *a, **k: 'ok'},
            limits=LIMITS,
            print_callback=lambda stream, text: None,
        )
    except MontyError:
        pass
