"""The resource-bomb suite: each program runs in a child process and must end with the expected
`MontyRuntimeError` within the time limit + 10% (plus `JITTER`), with bounded peak RSS growth.

Child processes keep a failing bomb (a crash, an OOM kill, a hang) from taking the test runner down;
a wall-clock guard kills a child that does not finish. Times are measured inside the child around
`Monty.run()`, so process start-up (about 0.3 s here) is not counted against the limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

TIME_LIMIT = 0.5  # seconds
MEMORY_LIMIT = 64 * 1024 * 1024
JITTER = 0.2  # seconds of scheduling noise allowed when the whole suite loads both cores
# Overrun is judged on the CPU time the run took (what a bomb burns, whatever the machine's load);
# wall time only has to stay within generous headroom, since a loaded machine stretches it.
WALL_HEADROOM = 5
RSS_NOISE = 48 * 1024 * 1024
CHILD = Path(__file__).with_name('bomb_child.py')


@dataclass(frozen=True)
class Bomb:
    id: str
    code: str
    expect: str  # the sandbox exception type that must end the run
    limits: tuple[tuple[str, object], ...] = ()
    # Peak RSS growth allowed, in memory limits (plus interpreter noise). Growth caught after the
    # fact lets the doubling that crosses the limit complete: old + new value, up to ~3x.
    rss_limits: float = 2


BOMBS: list[Bomb] = [
    # -- time: C-level loops must be metered ------------------------------------------------------
    Bomb('while_true', 'while True:\n    pass', 'TimeoutError'),
    Bomb('for_huge_range', 'for i in range(10**13):\n    pass', 'TimeoutError'),
    Bomb('sum_huge_range', 'sum(range(10**13))', 'TimeoutError'),
    Bomb('max_infinite_iter', 'max(iter(int, 1))', 'TimeoutError'),
    Bomb('any_genexp_huge', 'any(x < 0 for x in range(10**13))', 'TimeoutError'),
    Bomb('float_in_huge_range', '0.5 in range(10**13)', 'TimeoutError'),
    Bomb('index_float_huge_range', 'range(10**13).index(0.5)', 'TimeoutError'),
    Bomb(
        'exponential_recursion',
        'def f(n):\n    return f(n - 1) + f(n - 1) if n else 1\nf(100)',
        'TimeoutError',
    ),
    Bomb(
        'slow_iterations',
        'big = list(range(10**5))\nfor i in range(10**9):\n    sorted(big, reverse=i % 2 == 0)',
        'TimeoutError',
    ),
    Bomb(
        'pprint_aliased_nesting',
        'import pprint\na = [0] * 10**4\nb = [a] * 300\npprint.pformat([b] * 300)',
        'TimeoutError',
    ),
    # -- rendering aliased data: one C call would build text far bigger than the data ------------
    Bomb('str_of_aliased_lists', 'a = [0] * 10**6\nb = [a] * 100\nlen(str(b))', 'MemoryError'),
    Bomb('print_of_aliased_lists', 'a = [0] * 10**6\nb = [a] * 100\nprint(b)', 'MemoryError'),
    Bomb(
        'fstring_of_aliased_dict',
        "a = [0] * 10**6\nd = {'k': a, 'j': a, 'i': a}\nlen(f'{[d] * 30}')",
        'MemoryError',
    ),
    Bomb(
        'percent_format_of_aliased_lists', "a = [0] * 10**6\nb = [a] * 100\nlen('%s' % (b,))", 'MemoryError'
    ),
    Bomb(
        'str_format_of_aliased_lists', "a = [0] * 10**6\nb = [a] * 100\nlen('{!r}'.format(b))", 'MemoryError'
    ),
    Bomb(
        'sorted_key_str_of_aliased_lists',
        'a = [0] * 10**6\nb = [a] * 100\nsorted([b, b], key=str)',
        'MemoryError',
    ),
    Bomb('map_str_of_aliased_lists', 'a = [0] * 10**6\nb = [a] * 100\nlist(map(str, [b]))', 'MemoryError'),
    Bomb(
        'repr_of_aliased_chain',
        'a = [0] * 1000\nfor _ in range(5):\n    a = [a] * 1000\nrepr(a)',
        'MemoryError',
    ),
    Bomb(
        'str_of_shared_big_string',
        "s = 'x' * 10**6\nl = []\nfor i in range(300):\n    l.append(s)\nlen(str(l))",
        'MemoryError',
    ),
    Bomb(
        'swallow_with_except',
        'while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass',
        'TimeoutError',
    ),
    Bomb(
        'swallow_with_finally_return',
        'def f():\n    try:\n        while True:\n            pass\n    finally:\n        return 1\nwhile True:\n    f()',
        'TimeoutError',
    ),
    Bomb('map_lambda_chain', 'sum(map(lambda x: x + 1, range(10**13)))', 'TimeoutError'),
    # -- memory: pre-checked sizes ----------------------------------------------------------------
    Bomb('str_repeat', "'x' * 10**10", 'MemoryError'),
    Bomb('list_repeat', '[0] * 10**10', 'MemoryError'),
    Bomb('list_repeat_aug', 'x = [0]\nx *= 10**9', 'MemoryError'),
    Bomb('int_power', '10 ** 10 ** 10', 'MemoryError'),
    Bomb('builtin_pow', 'pow(10, 10**10)', 'MemoryError'),
    Bomb('left_shift', '1 << 10**10', 'MemoryError'),
    Bomb('dunder_mul', "'x'.__mul__(10**10)", 'MemoryError'),
    Bomb('percent_star_width', "'%*d' % (10**10, 1)", 'MemoryError'),
    Bomb('operator_mod_width', "import operator\noperator.mod('%*d', (10**10, 1))", 'MemoryError'),
    Bomb('percent_literal_width', "f = '%' + '9' * 10 + 'd'\nf % 1", 'MemoryError'),
    Bomb('fstring_width', "f'{1:>{10**10}}'", 'MemoryError'),
    Bomb('format_nested_width', "'{:>{}}'.format(1, 10**10)", 'MemoryError'),
    Bomb('format_builtin_width', "format(1, '>10000000000')", 'MemoryError'),
    Bomb('center', "'x'.center(10**10)", 'MemoryError'),
    Bomb('zfill_unbound', "str.zfill('1', 10**10)", 'MemoryError'),
    Bomb('replace_amplification', "('a' * 10**4).replace('', 'x' * 10**5)", 'MemoryError'),
    Bomb('join_amplification', "('x' * 10**6).join([''] * 10**4)", 'MemoryError'),
    Bomb('print_sep_amplification', "print(*([''] * 10**4), sep='x' * 10**6)", 'MemoryError'),
    Bomb('bytes_size', 'bytes(10**12)', 'MemoryError'),
    Bomb('bytearray_size', 'bytearray(10**10)', 'MemoryError'),
    Bomb('to_bytes', "(1).to_bytes(10**10, 'big')", 'MemoryError'),
    Bomb('list_huge_range', 'list(range(10**10))', 'MemoryError'),
    Bomb('tuple_range_prealloc', 'tuple(range(10**8))', 'MemoryError'),
    Bomb('star_call_range', 'print(*range(10**9))', 'MemoryError'),
    Bomb(
        'user_len_prealloc',
        'class X:\n    def __len__(self):\n        return 10**9\n    def __iter__(self):\n'
        '        return iter([])\ntuple(X())',
        'MemoryError',
    ),
    # -- time: one C call that holds the GIL, refused up front (the watchdog cannot stop it) ------------
    Bomb('modular_pow', 'pow(3, 10**20000, 10**20000 + 7)', 'TimeoutError'),
    Bomb('modular_pow_dunder', '(3).__pow__(10**20000, 10**20000 + 7)', 'TimeoutError'),
    Bomb(
        'decimal_ln_high_precision',
        'import decimal\ndecimal.getcontext().prec = 100000\ndecimal.Decimal(2).ln()',
        'ValueError',
    ),
    Bomb(
        'decimal_fractional_power_high_precision',
        "import decimal\ndecimal.getcontext().prec = 100000\ndecimal.Decimal(2) ** decimal.Decimal('0.5')",
        'ValueError',
    ),
    Bomb(
        'decimal_context_power_high_precision',
        "import decimal\nc = decimal.Context(prec=100000)\nc.power(decimal.Decimal(2), decimal.Decimal('0.5'))",
        'ValueError',
    ),
    Bomb(
        'decimal_modular_pow',
        'import decimal\nD = decimal.Decimal\ndecimal.getcontext().prec = 100000\n'
        'pow(D(3), D(10**5000), D(10**20000 + 7))',
        'TimeoutError',
    ),
    # -- memory: growth caught by accounting ------------------------------------------------------
    Bomb('sorted_huge_range', 'sorted(range(10**9))', 'MemoryError'),
    Bomb('comprehension_huge', '[x for x in range(10**10)]', 'MemoryError'),
    Bomb('append_loop', "x = []\nwhile True:\n    x.append('a' * 1000)", 'MemoryError'),
    Bomb('dict_fill', 'd = {}\nfor i in range(10**10):\n    d[i] = i', 'MemoryError'),
    Bomb('dict_fromkeys_range', 'dict.fromkeys(range(10**10))', 'MemoryError'),
    Bomb('list_extend_range', 'x = [1]\nx.extend(range(3 * 10**6))\nx.extend(range(10**10))', 'MemoryError'),
    Bomb('set_update_range', 's = set()\ns.update(range(10**10))', 'MemoryError'),
    Bomb('string_doubling', "s = 'a'\nwhile True:\n    s = s + s", 'MemoryError'),
    Bomb('list_doubling', 'x = [0]\nwhile True:\n    x = x + x', 'MemoryError'),
    Bomb(
        'caught_memory_error_keeps_growing',
        "x = []\nwhile True:\n    try:\n        for i in range(10**6):\n            x.append('b' * 100)\n"
        '    except MemoryError:\n        pass',
        'MemoryError|TimeoutError',
    ),
    Bomb('sum_of_lists', 'sum([[1] * 1000] * 10**6, [])', 'MemoryError|TimeoutError'),
    Bomb('join_aliased_items', "''.join(['x' * 10**6] * 1000)", 'MemoryError'),
    Bomb(
        'allocation_count', 'x = [[] for _ in range(10**7)]', 'MemoryError', (('max_allocations', 100_000),)
    ),
    # -- memory: straight-line code (no loop tick between the statements) -------------------------
    Bomb('straight_string_doubling', "s = 'a' * 1000\n" + 's = s + s\n' * 30, 'MemoryError'),
    Bomb('straight_augmented_doubling', 'x = [0] * 1000\n' + 'x += x\n' * 30, 'MemoryError'),
    Bomb('straight_extend_doubling', 'x = [0] * 1000\n' + 'x.extend(x)\n' * 30, 'MemoryError'),
    Bomb(
        'straight_fstring_doubling',
        "s = 'a' * 1000\n" + "s = f'{s}{s}'\n" * 30,
        'MemoryError',
    ),
    Bomb('straight_star_doubling', 'x = [0] * 1000\n' + 'x = [*x, *x]\n' * 30, 'MemoryError', rss_limits=3),
    Bomb(
        'straight_doubling_in_function',
        'def f(s):\n' + '    s = s + s\n' * 30 + '    return len(s)\n' + "f('a' * 1000)",
        'MemoryError',
    ),
    Bomb('recursive_doubling', "def f(s):\n    return f(s + s)\nf('a' * 1000)", 'MemoryError', rss_limits=3),
    Bomb('lambda_recursive_doubling', "f = lambda s: f(s + s)\nf('a' * 1000)", 'MemoryError', rss_limits=3),
    Bomb('straight_translate', "('a' * 1000).translate({97: 'b' * 10**6})", 'MemoryError'),
    Bomb('textwrap_many_chunks', "import textwrap\ntextwrap.wrap('a ' * 5 * 10**6, 3)", 'MemoryError'),
    Bomb(
        'textwrap_slow_wrap',
        "import textwrap\ntextwrap.wrap('a ' * 10**6, 3)",
        'TimeoutError',
        (('max_memory', 1 << 30),),
    ),
    # -- huge integers: one C call, quadratic in their length -----------------------------------
    Bomb('shifted_int_division', 'x = 1 << 8_000_000\ny = (1 << 4_000_000) - 1\nx // y', 'MemoryError'),
    Bomb('power_int_modulo', 'x = 3 ** 5_000_000\nx % (7 ** 1_000_000)', 'MemoryError'),
    Bomb(
        'from_bytes_int_division',
        "x = int.from_bytes(b'\\xff' * 10**6, 'big')\nx // (x >> 4_000_000)",
        'MemoryError',
    ),
    # -- recursion and output ---------------------------------------------------------------------
    Bomb('deep_recursion', 'def f(n):\n    return f(n + 1)\nf(0)', 'RecursionError'),
    Bomb(
        'recursion_through_sorted_key', 'def f(x):\n    return sorted([1, 2], key=f)\nf(1)', 'RecursionError'
    ),
    Bomb('nested_list_repr', 'x = []\nfor i in range(10**5):\n    x = [x]\nrepr(x)', 'RecursionError'),
    Bomb('print_flood', "while True:\n    print('x' * 1000)", 'OSError', (('max_output_bytes', 1_000_000),)),
]


def test_enough_bombs() -> None:
    assert len(BOMBS) >= 25
    assert len({b.id for b in BOMBS}) == len(BOMBS)


def run_bomb(bomb: Bomb) -> dict[str, object]:
    limits = {'max_duration_secs': TIME_LIMIT, 'max_memory': MEMORY_LIMIT, **dict(bomb.limits)}
    spec = json.dumps({'code': bomb.code, 'limits': limits})
    env = {**os.environ, 'PYTHONDONTWRITEBYTECODE': '1'}
    proc = subprocess.run(
        [sys.executable, str(CHILD), spec], capture_output=True, text=True, timeout=30, env=env, check=False
    )
    assert proc.returncode == 0, f'child died (rc={proc.returncode}): {proc.stderr[-2000:]}'
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize('bomb', BOMBS, ids=[b.id for b in BOMBS])
def test_bomb(bomb: Bomb) -> None:
    report = run_bomb(bomb)
    assert_contained(bomb, report)


def assert_contained(bomb: Bomb, report: dict[str, object]) -> None:
    """The bomb ended with the expected limit error, was stopped in time (its CPU time; wall time
    with headroom) and its memory stayed bounded.

    On a loaded machine the process gets a fraction of a core, so a bomb that would fill its memory
    budget (or its recursion depth) first can reach its wall-clock time limit first: a `TimeoutError`
    is then accepted when the run had less than 70% of a core. The memory bound below still holds the
    memory limit to account."""
    assert report['outcome'] == 'error', report
    expected = bomb.expect.split('|')
    if float(report['cpu']) < 0.7 * float(report['elapsed']):  # type: ignore[arg-type]
        expected.append('TimeoutError')  # starved
    assert report['type'] in expected, report
    if report['type'] == 'MemoryError':
        assert 'limit' in str(report['message']), report
    assert float(report['cpu']) <= TIME_LIMIT * 1.1 + JITTER, report  # type: ignore[arg-type]
    assert float(report['elapsed']) <= (TIME_LIMIT + JITTER) * WALL_HEADROOM, report  # type: ignore[arg-type]
    bound = bomb.rss_limits * MEMORY_LIMIT + RSS_NOISE
    assert int(report['rss_growth']) <= bound, report  # type: ignore[call-overload]
