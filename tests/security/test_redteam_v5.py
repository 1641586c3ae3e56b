"""Red-team payloads, round 5 (a helper attacking the tree after it was split into modules and the
stdlib restructured: 81 payloads, 12 worked, 7 root causes; all fixed).

- REGEX    stdlib/re.py: `regex` expands counted repeats when it compiles (`a{10000000}`: 7 s and
           2.6 GB in one C call). Patterns are weighed first (`pattern_weight`) and reserved.
- OSERROR  runtime/rendering.py: "plain args, so CPython's text is stable" ignored the fields other
           exception slots render (`OSError`'s `filename`, `UnicodeError`'s `reason`): real addresses,
           and 900 MB of text. Every C slot but `BaseException`'s and `KeyError`'s is weighed over
           args and fields, and scrubbed.
- INDICES  stdlib/itertools.py: `permutations`/`combinations` fill an `r`-long index array in C.
- TABSIZE  stdlib/textwrap.py: the text was weighed before CPython expanded its tabs.
- QUANTILES stdlib/statistics.py: `quantiles(n=...)` loops `n` times in host code.
- STRFTIME runtime/sizecheck.py, stdlib/datetime.py: `strftime`/`format(date, spec)` output unweighed.
- ENUMSELF stdlib/enum.py: the enum classes' methods are shared functions; called unbound on a
           shared host class (`auto.__init__(NamedTupleBase)`), they wrote to it natively.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from monty_core import Monty, MontyRuntimeError
from monty_core.stdlib.re import pattern_weight

LIMITS: dict[str, Any] = {'max_duration_secs': 1, 'max_memory': 128 * 2**20}


def outcome(code: str) -> tuple[str, Any, float]:
    start = time.perf_counter()
    try:
        value: Any = Monty(code).run(limits=LIMITS, print_callback=lambda s, t: None)
        kind = 'ok'
    except MontyRuntimeError as e:
        kind, value = e.type_name, e.message
    return kind, value, time.perf_counter() - start


@pytest.mark.parametrize(
    'code',
    [
        "import re\nre.compile('a{10000000}')",
        "import re\nre.compile('(?:(?:(?:a{1000}){1000}){1000})')",
        "import re\nre.match(b'(ab){2000}(cd){3000}x{1000}' * 100, b'')",
        "import re\nre.sub('[a-z]{99999999}', '', 'abc')",
        "e = OSError(1, 'x', [[0] * 10**5] * 3000)\nlen(str(e))",
        "e = OSError(1, 'x')\ne.filename = [[0] * 10**5] * 3000\nlen(f'{e}')",
        "e = UnicodeDecodeError('utf-8', b'ab', 0, 1, 'bad')\ne.reason = [[0] * 10**5] * 3000\nlen(format(e))",
        "e = OSError(1, 'x', [[0] * 10**5] * 3000)\nlen(e.__str__())",
        'import itertools\nit = itertools.permutations([], 4 * 10**8)',
        'import itertools\nit = itertools.combinations([], 4 * 10**8)',
        "import textwrap\ntextwrap.wrap('\\t' * 8 + 'x', width=10**10, tabsize=10**8)",
        "import textwrap\nw = textwrap.TextWrapper(width=10**10)\nw.tabsize = 10**8\nw.wrap('\\t' * 8 + 'x')",
        'import statistics\nstatistics.quantiles([1.0, 2.0], n=2 * 10**7)',
        "import datetime\ndatetime.date(2020, 1, 1).strftime('%A' * 10**7)",
        "import datetime\nformat(datetime.date(2020, 1, 1), '%A' * 10**7)",
        "import datetime\nspec = '%B' * 10**7\nf'{datetime.datetime(2020, 1, 1):{spec}}'",
        "import datetime\ndatetime.datetime(2020, 1, 1).time().strftime('%H' * 10**7)",
        "import datetime\ndatetime.date.strftime(datetime.date(2020, 1, 1), '%A' * 10**7)",
    ],
)
def test_single_calls_that_expand_are_weighed_first(code: str) -> None:
    kind, message, elapsed = outcome(code)
    assert kind == 'MemoryError' and 'limit' in message, (kind, message)
    assert elapsed < 5  # (refused before the C call: milliseconds)


@pytest.mark.parametrize(
    ('code', 'expected'),
    [
        ("import re\nbool(re.fullmatch(r'\\d{3}-\\d{4}', '555-1234'))", True),
        ("import re\nre.findall(r'(?:ab){2}|x{1,3}', 'ababxxxx')", ['abab', 'xxx', 'x']),
        ("import re\nbool(re.match('a{1000}', 'a' * 1000))", True),
        ('import itertools\nlen(list(itertools.permutations(range(5), 3)))', 60),
        ("import textwrap\ntextwrap.wrap('a\\tb c', width=10)", ['a       b', 'c']),
        ('import statistics\nstatistics.quantiles([1, 2, 3, 4, 5], n=4)', [1.5, 3.0, 4.5]),
        ("import datetime\nf'{datetime.date(2020, 1, 1):%A %d %B %Y}'", 'Wednesday 01 January 2020'),
        ("str(OSError(2, 'no such file', '/a'))", "[Errno 2] no such file: '/a'"),
        ("str(KeyError('k')), str(ValueError('a', 1))", ("'k'", "('a', 1)")),
    ],
)
def test_ordinary_uses_are_unchanged(code: str, expected: Any) -> None:
    assert Monty(code).run(limits=LIMITS) == expected


def test_pattern_weight_counts_nested_counted_repeats() -> None:
    assert pattern_weight('abc') == 3
    assert pattern_weight('a{10}') == 10
    assert pattern_weight('(?:(?:a{10}){10}){10}') > 1000
    assert pattern_weight('[a{5}]{3}') == 3  # a class is one atom
    assert pattern_weight('\\{100}') == 5  # an escaped brace is no repeat


@pytest.mark.parametrize(
    'render',
    ["str(OSError(1, 'x', f))", 'f\'{OSError(1, "x", f)}\'', "format(OSError(1, 'x', f))"],
)
def test_exception_fields_show_fake_addresses(render: str) -> None:
    assert Monty(f'def f():\n    pass\n{render}').run() == '[Errno 1] x: <function f at 0x7f0000000010>'


def test_an_uncaught_exceptions_fields_show_fake_addresses() -> None:
    with pytest.raises(MontyRuntimeError) as info:
        Monty("def f():\n    pass\nraise OSError(1, 'x', f)").run()
    assert info.value.message == '[Errno 1] x: <function f at 0x7f0000000010>'


def test_enum_methods_refuse_objects_of_other_runs_and_the_host() -> None:
    plant = (
        'import enum, typing\nclass P(typing.NamedTuple):\n    x: int\n'
        'try:\n    enum.auto.__init__(P.__bases__[0])\nexcept TypeError:\n    pass\n'
        'refused = []\n'
        'for call in (lambda: enum.Enum.__str__(3), lambda: enum.Flag.__or__(3, 4), lambda: enum.Enum.__new__(P.__bases__[0], 1)):\n'
        '    try:\n        call()\n    except TypeError:\n        refused.append(1)\n'
        'len(refused)'
    )
    assert Monty(plant).run() == 3
    victim = "import typing\nclass Q(typing.NamedTuple):\n    x: int\nhasattr(Q, 'value'), hasattr(Q(1), '_compute')"
    assert Monty(victim).run() == (False, False)


def test_enums_still_work() -> None:
    code = """
import enum
class Color(enum.Enum):
    RED = enum.auto()
    GREEN = 2
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
[Color.RED.value, Color(2).name, repr(Color.RED), str(Color.GREEN), Color['RED'] is Color.RED,
 repr(Perm.R | Perm.W), Perm.R in (Perm.R | Perm.W), len(list(Color)), hash(Color.RED) == hash(Color.RED)]
"""
    assert Monty(code).run() == [
        1,
        'GREEN',
        '<Color.RED: 1>',
        'Color.GREEN',
        True,
        '<Perm.R|W: 3>',
        True,
        2,
        True,
    ]
