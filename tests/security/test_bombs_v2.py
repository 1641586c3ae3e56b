"""Resource bombs, second round: the in-process limit holes a red team found with
`max_duration_secs=1`, `max_memory=128 MiB`, and variants of each class.

Same harness as test_bombs.py (each program in a child process, the expected `MontyRuntimeError`
within the time limit + 10% + `JITTER`, peak RSS growth bounded), same limits (0.5 s, 64 MiB).
"""

from __future__ import annotations

import pytest

from .test_bombs import Bomb, assert_contained, run_bomb

# A class whose `__index__` answers 1 the first time and 10**9 after: a check that reads it and an
# operation that reads it again see different sizes.
_STATEFUL = (
    'class N:\n'
    '    calls = 0\n'
    '    def __index__(self):\n'
    '        N.calls += 1\n'
    '        return 1 if N.calls == 1 else 10**9\n'
)
# A class whose `__index__` always answers 10**9: checks must read it, not only test for `int`.
_BIG_INDEX = 'class Big:\n    def __index__(self):\n        return 10**9\n'

_SQUARES = 'b = a * a\nc = b * b\nd = c * c\ne = d * d\nf = e * e\ng = f * f\nh = g * g\n'


def _in_function(body: str, call: str = 'f()') -> str:
    lines = ''.join(f'    {line}\n' for line in body.splitlines())
    return f'def f():\n{lines}{call}\n'


BOMBS: list[Bomb] = [
    # -- big-int work: one C call, superlinear in the size of its operands ------------------------
    Bomb('squares_module', 'a = 3 ** 200000\n' + _SQUARES, 'MemoryError'),
    Bomb('squares_function', _in_function('a = 3 ** 200000\n' + _SQUARES), 'MemoryError'),
    Bomb(
        'squares_parameters',
        'def f(a):\n    b = a * a\n    c = b * b\n    d = c * c\n    e = d * d\n    return e * e\nf(3 ** 200000)',
        'MemoryError',
    ),
    Bomb(
        'squares_one_expression',
        'a = 3 ** 400000\nx = ((a * a) * (a * a)) * ((a * a) * (a * a))',
        'MemoryError',
    ),
    Bomb('squares_loop', 'x = 3 ** 1000\nwhile True:\n    x = x * x', 'MemoryError'),
    Bomb('squares_power_two', 'a = 3 ** 600000\nb = a ** 2\nc = b ** 2\nd = c ** 2', 'MemoryError'),
    Bomb(
        'squares_dunder',
        'a = 3 ** 600000\nb = a.__mul__(a)\nc = b.__mul__(b)\nd = c.__mul__(c)',
        'MemoryError',
    ),
    Bomb(
        'squares_operator',
        'import operator\na = 3 ** 600000\nb = operator.mul(a, a)\nc = operator.mul(b, b)\nd = operator.mul(c, c)',
        'MemoryError',
    ),
    Bomb('floordiv_huge', 'a = 3 ** 1300000\nb = 5 ** 450000\nq = a // b', 'TimeoutError'),
    Bomb('mod_huge', 'a = 3 ** 1300000\nb = 5 ** 450000\nq = a % b', 'TimeoutError'),
    Bomb('divmod_huge', 'a = 3 ** 1300000\nb = 5 ** 450000\nq = divmod(a, b)', 'TimeoutError'),
    Bomb(
        'floordiv_in_function',
        _in_function('a = 3 ** 1300000\nb = 5 ** 450000\nreturn a // b'),
        'TimeoutError',
    ),
    Bomb('floordiv_dunder', 'a = 3 ** 1300000\nb = 5 ** 450000\na.__floordiv__(b)', 'TimeoutError'),
    Bomb('round_negative_digits', 'a = 3 ** 1300000\nround(a, -300000)', 'TimeoutError'),
    Bomb('gcd_huge', 'import math\nmath.gcd(3 ** 1000000, 5 ** 680000)', 'TimeoutError'),
    Bomb('lcm_huge', 'import math\nmath.lcm(3 ** 1000000, 5 ** 680000)', 'TimeoutError'),
    Bomb('fraction_huge', 'import fractions\nfractions.Fraction(3 ** 1000000, 5 ** 680000)', 'TimeoutError'),
    Bomb(
        'fraction_sum_huge',
        'import fractions\nx = fractions.Fraction(3 ** 500000, 7)\ny = fractions.Fraction(1, 5 ** 340000)\nx + y + x + y',
        'TimeoutError',
    ),
    Bomb('modular_inverse', 'pow(3 ** 100000, -1, 5 ** 68000)', 'TimeoutError'),
    Bomb('decimal_of_huge_int', 'import decimal\ndecimal.Decimal(3 ** 1000000)', 'TimeoutError'),
    Bomb('decimal_compare_huge_int', 'import decimal\n3 ** 1000000 == decimal.Decimal(1)', 'TimeoutError'),
    Bomb(
        'decimal_sqrt_high_precision',
        'import decimal\ndecimal.getcontext().prec = 100000\ndecimal.Decimal(2).sqrt()',
        'ValueError',
    ),
    Bomb('decimal_add_huge_int', 'import decimal\ndecimal.Decimal(1) + 3 ** 1000000', 'TimeoutError'),
    Bomb(
        'factorial_index',
        'import math\nclass N:\n    def __index__(self):\n        return 10**7\nmath.factorial(N())',
        'MemoryError',
    ),
    Bomb(
        'comb_index',
        'import math\nclass N:\n    def __index__(self):\n        return 10**7\nmath.comb(N(), 5 * 10**6)',
        'MemoryError',
    ),
    # -- an `__index__` read once by the check, again by CPython --------------------------------
    Bomb('stateful_index_dunder_mul', _STATEFUL + "'x'.__mul__(N())", 'TypeError'),
    Bomb('index_bytearray', _BIG_INDEX + 'bytearray(Big())', 'MemoryError'),
    Bomb('index_bytes', _BIG_INDEX + 'bytes(Big())', 'MemoryError'),
    Bomb(
        'index_repeat_in_function',
        _BIG_INDEX + "def f(s, n):\n    return s * n\nf('x', Big())",
        'MemoryError',
    ),
    Bomb('index_operator_mul', _BIG_INDEX + 'import operator\noperator.mul([0], Big())', 'MemoryError'),
    Bomb('index_range_list', _BIG_INDEX + 'list(range(Big()))', 'MemoryError'),
    # -- text methods and formatting --------------------------------------------------------------
    Bomb(
        'translate_dict_subclass',
        "class D(dict):\n    pass\n('a' * 1000).translate(D({97: 'b' * 10**6}))",
        'MemoryError',
    ),
    Bomb(
        'translate_getitem_class',
        "big = 'b' * 10**6\nclass M:\n    def __getitem__(self, k):\n        return big\n('a' * 1000).translate(M())",
        'MemoryError',
    ),
    Bomb('translate_list_table', "('a' * 1000).translate(['b' * 10**6] * 128)", 'MemoryError'),
    Bomb('format_repeated_field', "big = 'x' * 10**6\n('{0}' * 1000).format(big)", 'MemoryError'),
    Bomb('format_many_args', "big = 'x' * 10**6\n('{}' * 1000).format(*[big] * 1000)", 'MemoryError'),
    Bomb('format_map_repeated', "big = 'x' * 10**6\n('{a}' * 1000).format_map({'a': big})", 'MemoryError'),
    Bomb('percent_many_strings', "big = 'x' * 10**6\n('%s' * 1000) % ((big,) * 1000)", 'MemoryError'),
    Bomb('format_guarded_fields', "big = 'x' * 10**6\n('{0[0]}' * 1000).format([big])", 'MemoryError'),
    Bomb('format_big_ints', "n = 7 ** 5000\n('{0}' * 10**5).format(n)", 'MemoryError'),
    Bomb('percent_bytes', "big = b'x' * 10**6\n(b'%s' * 1000) % ((big,) * 1000)", 'MemoryError'),
    Bomb('percent_mapping_strings', "big = 'x' * 10**6\n('%(a)s' * 1000) % {'a': big}", 'MemoryError'),
    Bomb('doubling_by_constant', "x = 'a' * 10**6\n" + 'x *= 2\n' * 20, 'MemoryError'),
    Bomb('doubling_by_constant_rhs', "x = 'a' * 10**6\n" + 'x = x * 2\n' * 20, 'MemoryError'),
    Bomb(
        'doubling_by_constant_in_function',
        _in_function("s = 'a' * 10**6\n" + 's = s * 2\n' * 20),
        'MemoryError',
    ),
    Bomb(
        'doubling_list_by_constant_in_function',
        _in_function('s = [0] * 10**5\n' + 's *= 2\n' * 20),
        'MemoryError',
    ),
    Bomb(
        'fstring_fields_in_function',
        "def f(s):\n    t = f'" + '{s}' * 100 + "'\n    return f'" + '{t}' * 100 + "'\nf('a' * 10**5)",
        'MemoryError',
    ),
    Bomb(
        'plus_chain_in_function',
        'def f(s):\n    t = '
        + ' + '.join(['s'] * 100)
        + '\n    return '
        + ' + '.join(['t'] * 100)
        + "\nf('a' * 10**4)",
        'MemoryError',
    ),
    Bomb(
        'plus_chain_in_loop',
        "s = 'a' * 10**4\nfor i in range(3):\n    s = " + ' + '.join(['s'] * 50),
        'MemoryError',
    ),
    Bomb('join_generator_of_big', "''.join('x' * 10**7 for i in range(100))", 'MemoryError'),
    Bomb(
        'join_generator_function',
        "def g():\n    for i in range(100):\n        yield 'x' * 10**7\n''.join(g())",
        'MemoryError',
    ),
    # -- single C calls that expand a string --------------------------------------------------------
    Bomb('list_of_string', "s = 'x' * (30 * 10**6)\nlist(s)", 'MemoryError'),
    Bomb('tuple_of_string', "s = 'x' * (30 * 10**6)\ntuple(s)", 'MemoryError'),
    Bomb('list_of_string_in_function', _in_function("s = 'x' * (30 * 10**6)\nreturn list(s)"), 'MemoryError'),
    Bomb('sorted_string', "s = 'x' * (30 * 10**6)\nsorted(s)", 'MemoryError'),
    Bomb('star_string', "s = 'x' * (30 * 10**6)\n[*s]", 'MemoryError'),
    Bomb('star_bytes_call', "s = b'x' * (30 * 10**6)\nprint(*s)", 'MemoryError'),
    Bomb('split_separators', "s = ',' * (30 * 10**6)\ns.split(',')", 'MemoryError'),
    Bomb('split_whitespace', "s = 'ab ' * (10 * 10**6)\ns.split()", 'MemoryError'),
    Bomb(
        'split_in_function', _in_function("s = 'ab,' * (10 * 10**6)\nreturn len(s.split(','))"), 'MemoryError'
    ),
    Bomb('rsplit_separators', "s = ',' * (30 * 10**6)\ns.rsplit(',')", 'MemoryError'),
    Bomb('splitlines_newlines', "s = '\\n' * (30 * 10**6)\ns.splitlines()", 'MemoryError'),
    Bomb('bytes_split', "s = b',' * (30 * 10**6)\ns.split(b',')", 'MemoryError'),
    Bomb('encode_utf32', "s = 'x' * (40 * 10**6)\ns.encode('utf-32')", 'MemoryError'),
    Bomb('encode_unicode_escape', "s = '\\x00' * (20 * 10**6)\ns.encode('unicode_escape')", 'MemoryError'),
    Bomb('json_dumps_string', "import json\ns = '\\x00' * (20 * 10**6)\njson.dumps(s)", 'MemoryError'),
    Bomb('json_dumps_big_string', "import json\ns = '\\x00' * (40 * 10**6)\njson.dumps([s])", 'MemoryError'),
    Bomb(
        'json_dumps_wide_string',
        "import json\ns = '\\U0001f600' * (10 * 10**6)\njson.dumps(s)",
        'MemoryError',
    ),
    Bomb(
        'counter_of_string',
        "import collections\ns = 'x' * (60 * 10**6)\ncollections.Counter(s)",
        'TimeoutError',
    ),
    Bomb('set_of_string', "s = 'x' * (60 * 10**6)\nset(s)", 'TimeoutError'),
    Bomb('max_of_string', "s = 'x' * (60 * 10**6)\nmax(s)", 'TimeoutError'),
    # -- pure-Python stdlib code that runs unmetered ---------------------------------------------
    Bomb('html_escape', "import html\nhtml.escape('<' * (20 * 10**6))", 'MemoryError'),
    Bomb('html_unescape', "import html\nhtml.unescape('&lt;' * (5 * 10**6))", 'TimeoutError|MemoryError'),
    Bomb(
        'url_quote',
        "import urllib.parse\nurllib.parse.quote('\\x00' * (20 * 10**6))",
        'MemoryError|TimeoutError',
    ),
    Bomb(
        'parse_qsl',
        "import urllib.parse\nurllib.parse.parse_qsl('a=1&' * (5 * 10**6))",
        'MemoryError|TimeoutError',
    ),
    Bomb('b85encode', "import base64\nbase64.b85encode(b'x' * (20 * 10**6))", 'MemoryError|TimeoutError'),
    Bomb('b32encode', "import base64\nbase64.b32encode(b'x' * (20 * 10**6))", 'MemoryError|TimeoutError'),
    Bomb(
        'random_shuffle',
        'import random\nx = list(range(10**6)) * 5\nrandom.Random(1).shuffle(x)',
        'TimeoutError',
    ),
    Bomb(
        'random_sample',
        'import random\nx = list(range(10**6)) * 5\nrandom.Random(1).sample(x, len(x))',
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'statistics_stdev', 'import statistics\nx = [1.5] * (4 * 10**6)\nstatistics.stdev(x)', 'TimeoutError'
    ),
    Bomb(
        'statistics_variance_ints',
        'import statistics\nx = [1, 2] * (2 * 10**6)\nstatistics.variance(x)',
        'TimeoutError',
    ),
    Bomb(
        'typing_literal_huge',
        'import typing\ntyping.Literal[tuple(range(10**6))]',
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'enum_functional_many',
        "import enum\nenum.Enum('E', [f'n{i}' for i in range(10**6)])",
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'asyncio_gather_many',
        'import asyncio\nasync def one():\n    for i in range(100):\n        await asyncio.sleep(0)\n'
        'async def main():\n    return await asyncio.gather(*[one() for i in range(10**5)])\nasyncio.run(main())',
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'asyncio_wait_many',
        'import asyncio\nasync def one(i):\n    await asyncio.sleep(i / 10**5)\n'
        'async def main():\n    return await asyncio.wait([one(i) for i in range(10**5)])\nasyncio.run(main())',
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'dataclasses_asdict_aliased',
        'import dataclasses\n@dataclasses.dataclass\nclass C:\n    x: list\n'
        'a = [[0] * 1000] * 1000\ndataclasses.asdict(C([a] * 100))',
        'TimeoutError|MemoryError',
    ),
    Bomb(
        'pbkdf2_iterations',
        "import hashlib\nhashlib.pbkdf2_hmac('sha512', b'pw', b'salt', 10**6)",
        'TimeoutError',
    ),
    Bomb(
        'pbkdf2_blocks',
        "import hashlib\nhashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10**4, 32 * 10**4)",
        'TimeoutError',
    ),
]


# A size read through a sandbox `__index__` is read once: the operation gets what the check saw (1).
READ_ONCE: list[tuple[str, str, str]] = [
    ('repeat', "'x' * N()", "'x'"),
    ('repeat_in_function', "def f(s):\n    return s * N()\nf('x')", "'x'"),
    ('repeat_reflected', 'N() * [0]', '[0]'),
    ('augmented_repeat', "x = ['x']\nx *= N()\nx", "['x']"),
    ('center', "'x'.center(N())", "'x'"),
    ('ljust_fill', "'x'.ljust(N(), 'y')", "'x'"),
    ('zfill_bytes', "b'1'.zfill(N())", "b'1'"),
    ('expandtabs', "'a\\tb'.expandtabs(N())", "'a b'"),
    ('replace_count', "'aaaa'.replace('a', 'bb', N())", "'bbaaa'"),
    ('to_bytes', "(1).to_bytes(N(), 'big')", "b'\\x01'"),
    ('bytes', 'bytes(N())', "b'\\x00'"),
    ('bytearray', 'bytearray(N())', "bytearray(b'\\x00')"),
    ('operator_mul', "import operator\noperator.mul('x', N())", "'x'"),
    ('factorial', 'import math\nmath.factorial(N())', '1'),
]


@pytest.mark.parametrize(('code', 'expected'), [r[1:] for r in READ_ONCE], ids=[r[0] for r in READ_ONCE])
def test_index_read_once(code: str, expected: str) -> None:
    report = run_bomb(Bomb('read_once', _STATEFUL + code, ''))
    assert report['outcome'] == 'ok', report
    assert report['message'] == expected, report


def test_enough_bombs() -> None:
    assert len(BOMBS) >= 60
    assert len({b.id for b in BOMBS}) == len(BOMBS)


@pytest.mark.parametrize('bomb', BOMBS, ids=[b.id for b in BOMBS])
def test_bomb(bomb: Bomb) -> None:
    assert_contained(bomb, run_bomb(bomb))
