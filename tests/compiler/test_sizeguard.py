"""The size-guard pass: which operations it routes through pre-checks, and that it stays sound when
its binding analysis runs late (only once an operation needs it)."""

from __future__ import annotations

import ast

import pytest

from monty_core import Monty, MontyRuntimeError
from monty_core.compiler.sizeguard import guard_sizes


def guarded(source: str) -> str:
    return ast.unparse(guard_sizes(ast.parse(source)))


@pytest.mark.parametrize(
    'source',
    [
        'y = x[0] * 2',  # may double a sequence: checked after the statement (amplification.py)
        'y = 2 * f()',
        'def f(n):\n    for i in range(n):\n        y = i ** 2',
        'y = 2**60 % x',
        'def f(n):\n    for i in range(n):\n        y = i % 7 + i % (10**9 + 7) + i * 2**40',
        # `seed * C` grows by a word: a product by a constant of at most 64 bits stays tame.
        'seed = 1\nfor i in range(9):\n    seed = (seed * 1103515245 + 12345) % 2147483648\n    z = seed * seed',
        'y = x << 3',
        "y = '%d-%x' % (a, b)",
        'def f(a, b):\n    i = len(a)\n    j = len(b)\n    return i * j',
        'def f(xs):\n    k = len(xs) * 2\n    return k * k',
        'def f(n):\n    total = 0\n    for i in range(n):\n        total = total + i * i\n    return total',
    ],
)
def test_operations_decided_statically_stay_plain(source: str) -> None:
    assert '_m_' not in guarded(source)


@pytest.mark.parametrize(
    ('source', 'helper'),
    [
        ('y = x * n', '_m_mul'),
        ('y = x * 2', '_m_mul'),  # a name: pre-checked exactly, numbers skip the call
        ('y = 2 ** n', '_m_pow'),
        ('y = 1 << n', '_m_lshift'),
        ('y = fmt % args', '_m_mod'),
        ("y = '%s: %r' % (a, b)", '_m_mod'),  # renders its arguments as text: weighed first
        # `m` holds a rewritten (so unproven) product: its square must be guarded too.
        ('def g(xs, n):\n    m = xs * n\n    return m * m', '_m_mul'),
        # A product of two numbers is not tame: squaring it again is checked.
        ('def h(n):\n    for i in range(n):\n        a = i * i\n        b = a * a', '_m_mul'),
        (
            'def h(n):\n    a = n * 1\n    for i in range(a, a + 2):\n        b = i * i\n        c = b ** 2',
            '_m_pow',
        ),
        ('y = x ** 2', '_m_pow'),
        ('def h(n):\n    i = len(n)\n    return n % i', '_m_mod'),
        ("def g(n):\n    s = 'ab' * n\n    return s * n", '_m_mul'),
    ],
)
def test_operations_that_may_amplify_are_guarded(source: str, helper: str) -> None:
    out = guarded(source)
    assert helper in out
    if source.startswith('def g'):
        assert out.count(helper) >= 2, out


def test_late_analysis_guards_a_name_bound_to_a_rewritten_operation() -> None:
    code = "def g(n):\n    s = 'ab' * n\n    return s * n\ng(10**4)"
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run(limits={'max_memory': 32 * 2**20})
    assert info.value.type_name == 'MemoryError'
