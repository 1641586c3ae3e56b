"""Stop checks between statements: straight-line code meets the time and memory limits.

Loops tick and function entries compare a depth counter, but thirty `s = s + s` in a row do
neither. The rewriter puts a tick and a stop check between two statements that may each build a
large value natively, and nowhere else (the check costs ~17 ns, and loop bodies are hot).
"""

from __future__ import annotations

import ast

import pytest

from monty_core import Monty, MontyRuntimeError
from monty_core.compiler import _builtin_names
from monty_core.compiler.opentypes import OpenFacts
from monty_core.compiler.rewrite import rewrite_module
from monty_core.runtime.plain_reads import is_plain_safe


def checks_in(source: str) -> int:
    tree = ast.parse(source)
    facts = OpenFacts(tree, shared_globals=False, builtin_names=_builtin_names())
    text = ast.unparse(rewrite_module(tree, is_plain_safe, facts))
    return text.count('_m_tick(_m_ticker)')


@pytest.mark.parametrize(
    ('source', 'expected'),
    [
        ('s = s + s\ns = s + s\ns = s + s', 2),
        ('x += x\nx += x', 1),
        ('x.extend(x)\nx.extend(x)', 1),
        ("s = f'{s}{s}'\ns = f'{s}{s}'", 1),
        ('x = [*x, *x]\nx = [*x, *x]', 1),
        ('a = s[:]\nb = s[:]', 1),
        ('def f(s):\n    s = s + s\n    s = s + s\n    return s', 1),
        ('if c:\n    s = s + s\ns = s + s', 1),
        # one amplifying statement between checks needs none
        ('s = s + s\nn = len(s)\nok = isinstance(s, str)', 0),
        ('total = 0\nfor i in range(10):\n    total += i * i\n', 0),
        ('i = i + 1\nj = j + 1', 0),  # a constant operand: at most linear growth
        ("x.append(1)\ny = d.get('k')\nd.pop('k')", 0),
        # a body that leaves (`raise`, `return`) does not fall through to the next statement
        ("if v < 0:\n    raise ValueError(f'{v}')\nw = g(v)", 0),
        # a function body runs when called, not where it is defined
        ('def f(s):\n    return s + s\ng(1)', 0),
    ],
)
def test_checks_go_between_amplifying_statements(source: str, expected: int) -> None:
    assert checks_in(source) == expected


def test_checks_keep_results_and_tracebacks() -> None:
    code = "s = 'ab'\ns = s + s\nt = s + s\nu = t + s\nu.upper()"
    assert Monty(code).run() == 'ABABABABABAB'
    code = "s = 'ab'\ns = s + s\nt = s + s\nt + 1"
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run()
    assert info.value.traceback()[-1].line == 4


def test_lambdas_return_their_value_when_the_watchdog_flags_a_check() -> None:
    # The watchdog lowers `_m_max_depth` every few ms when a memory limit is set; a lambda then
    # takes its slow path, which must still return the lambda's value.
    code = 'f = lambda x: x + 1\ntotal = 0\nfor i in range(300000):\n    total += f(i)\ntotal'
    assert Monty(code).run(limits={'max_memory': 512 * 1024 * 1024}) == sum(range(1, 300001))


def test_straight_line_doubling_stops_at_the_memory_limit() -> None:
    code = "s = 'a' * 1000\n" + 's = s + s\n' * 30
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits={'max_memory': 64 * 1024 * 1024, 'max_duration_secs': 5})
    assert info.value.type_name == 'MemoryError'


def test_module_level_concatenation_keeps_cpython_semantics() -> None:
    # Module-level `a + b` / `x += y` go through exact pre-checks (`_m_add`/`_m_iadd`): operator
    # dispatch, in-place list growth seen through aliases and error messages stay CPython's.
    code = """
class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return V(self.n + getattr(other, 'n', other))
    def __radd__(self, other):
        return V(other + self.n)
    def __iadd__(self, other):
        self.n = self.n * 10 + other.n
        return self
a, b = V(1), V(2)
c = a + b
d = 5 + a
e = a
e += b
items = [1]
alias = items
items += [2, 3]
s = 'ab'
s += s
t = (1,) + (2,)
try:
    bad = 1 + 'x'
except TypeError as exc:
    message = str(exc)
(c.n, d.n, a.n, e is a, alias, s, t, message)
"""
    assert Monty(code).run() == (
        3,
        6,
        12,
        True,
        [1, 2, 3],
        'abab',
        (1, 2),
        "unsupported operand type(s) for +: 'int' and 'str'",
    )


def test_module_level_concatenation_is_refused_before_it_allocates() -> None:
    code = "s = 'x' * (40 * 1024 * 1024)\ns = s + s"
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits={'max_memory': 64 * 1024 * 1024})
    assert info.value.type_name == 'MemoryError'
    assert 'concatenating would need' in info.value.message


def test_module_level_fstrings_are_weighed_before_joining_and_render_as_cpython() -> None:
    code = "b = 'q'\nw = 6\nd = [1, 2]\nf'a{b!r:>{w}}c{d}{3.14159:.2f}{f\"{b}{b}\"}'"
    assert Monty(code).run() == "a   'q'c[1, 2]3.14qq"
    code = "s = 'x' * (40 * 1024 * 1024)\ns = f'{s}-{s}'"
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits={'max_memory': 64 * 1024 * 1024})
    assert 'concatenating would need' in info.value.message
