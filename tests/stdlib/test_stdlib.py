"""The sandbox's standard library: differential programs (CPython vs sandbox), escape attempts through
each module's attributes, bounds on the bulk operations the modules add, hooks and per-run isolation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from .harness import assert_same, run_monty, sandbox_error, sandbox_value

PROGRAMS = sorted((Path(__file__).parent / 'programs').glob('*.py'))


@pytest.fixture(autouse=True, scope='module')
def _utc() -> Any:
    import os

    old = os.environ.get('TZ')
    os.environ['TZ'] = 'UTC'
    time.tzset()
    yield
    if old is None:
        os.environ.pop('TZ', None)
    else:
        os.environ['TZ'] = old
    time.tzset()


@pytest.mark.filterwarnings('ignore::RuntimeWarning')
@pytest.mark.filterwarnings('ignore::DeprecationWarning')
@pytest.mark.parametrize('path', PROGRAMS, ids=lambda p: p.stem)
def test_program_matches_cpython(path: Path) -> None:
    assert_same(path.read_text())


SNIPPETS = {
    'json_errors': 'import json\njson.loads("[1, 2")',
    'json_value': 'import json\njson.loads(json.dumps({"a": (1, 2), "b": None}))',
    'json_circular': 'import json\nx = []\nx.append(x)\njson.dumps(x)',
    're_error_type': 'import re\ntry:\n    re.compile("(")\nexcept re.error:\n    print("error")',
    're_groups': 'import re\nm = re.search(r"(?P<y>\\d{4})-(?P<m>\\d\\d)", "on 2024-05-01")\n(m.group("y"), m.lastgroup, m.lastindex, m.regs[0])',
    'math_errors': 'import math\nmath.sqrt(-1)',
    'math_values': 'import math\n[math.gcd(12, 18), math.lcm(4, 6), math.isqrt(99), math.isclose(0.1 + 0.2, 0.3), math.inf > 1e308, math.floor(-2.5), math.log(8, 2)]',
    'statistics_error': 'import statistics\nstatistics.mean([])',
    'statistics_values': 'import statistics\n[statistics.mode([1, 1, 2]), statistics.multimode("aabb"), statistics.quantiles([1, 2, 3, 4, 5], n=4), statistics.pvariance([1, 2, 3]), statistics.median_low([1, 2, 3, 4])]',
    'fractions_values': 'from fractions import Fraction\n[str(Fraction(3, 4) ** -2), str(Fraction("0.25")), str(Fraction(1.5)), Fraction(7, 2).limit_denominator(3).denominator, round(Fraction(5, 2)), int(Fraction(-7, 2))]',
    'decimal_values': 'from decimal import Decimal, ROUND_DOWN\n[str(Decimal("1.005").quantize(Decimal("0.01"), rounding=ROUND_DOWN)), str(Decimal(10) ** -3), str(Decimal("3.14").as_tuple().digits), Decimal("1.5") > 1, float(Decimal("2.5"))]',
    'decimal_div_zero': 'from decimal import Decimal\nDecimal(1) / Decimal(0)',
    'datetime_values': 'from datetime import datetime, timedelta, date\n[str(datetime(2024, 2, 28) + timedelta(days=1)), date(2024, 3, 1).isoformat(), (date(2024, 12, 25) - date(2024, 1, 1)).days, datetime(2024, 1, 1).strftime("%A %B"), str(timedelta(hours=25, minutes=3))]',
    'datetime_parse_error': 'from datetime import datetime\ndatetime.strptime("2024-13-01", "%Y-%m-%d")',
    'copy_cycles': 'import copy\na = [1]\na.append(a)\nb = copy.deepcopy(a)\n[b[1] is b, b is not a]',
    'copy_dataclass': 'import copy\nfrom dataclasses import dataclass, field\n@dataclass\nclass D:\n    xs: list = field(default_factory=list)\nd = D([1])\ne = copy.deepcopy(d)\ne.xs.append(2)\n[d.xs, e.xs, copy.copy(d).xs is d.xs]',
    'string_template_error': 'import string\nstring.Template("$a $b").substitute(a=1)',
    'base64_error': 'import base64\nbase64.b64decode("abc")',
    'uuid_parse': 'import uuid\nu = uuid.UUID("{12345678-1234-5678-1234-567812345678}")\n[str(u), u.int % 1000, u.urn, uuid.uuid3(uuid.NAMESPACE_URL, "x").hex]',
    'random_seeded': 'import random\nr = random.Random("seed")\n[r.randrange(100), r.choices("abc", k=3), round(r.gauss(0, 1), 6), r.sample([1, 2, 3], 2)]',
    'enum_errors': 'from enum import Enum\nclass E(Enum):\n    A = 1\nE["B"]',
    'enum_match': 'from enum import Enum, auto\nclass E(Enum):\n    A = auto()\n    B = auto()\ndef f(e):\n    match e:\n        case E.A:\n            return "a"\n        case _:\n            return "other"\n[f(E.A), f(E.B), E.B.value, hash(E.A) == hash(E.A)]',
    'io_stringio': 'import io\ns = io.StringIO("a\\nb\\n")\n[s.readline(), s.read(), s.tell(), list(io.StringIO("x\\ny"))]',
    'contextlib_closing': 'import contextlib\nclass R:\n    def close(self):\n        print("closed")\nwith contextlib.closing(R()):\n    print("body")',
    'html_urllib': 'import html, urllib.parse\n[html.escape("<&>"), urllib.parse.quote_plus("a b&c"), urllib.parse.urlsplit("http://h/p?q#f").query, urllib.parse.parse_qsl("a=1&b=2")]',
    'operator_errors': 'import operator\noperator.attrgetter(1)',
    'typing_names': 'from typing import Optional, TypedDict, Literal, cast\nfrom typing_extensions import NotRequired\nclass TD(TypedDict):\n    a: int\n[TD(a=1), cast(int, "x")]',
}


@pytest.mark.parametrize('name', sorted(SNIPPETS))
def test_snippet_matches_cpython(name: str) -> None:
    assert_same(SNIPPETS[name])


# -- escape attempts -------------------------------------------------------------------------------
ESCAPES = [
    'import json\njson.decoder',
    'import json\njson.loads.__globals__',
    'import json\njson.JSONEncoder.encode.__globals__',
    'import json\njson.dumps.__closure__',
    'import re\nre.compile("x").__class__.__mro__[-1].__subclasses__()',
    'import re\nre.compile("x")._rx',
    'import re\nre.match("x", "x")._m',
    'import re\nre.compile("x")._ctx',
    'import datetime\ndatetime.datetime.now.__self__',
    'import datetime\ndatetime.datetime.now.__func__',
    'import collections\ncollections.Counter.__init__.__globals__',
    'import collections\ncollections.namedtuple.__globals__',
    'import functools\nfunctools.partial(getattr, [])("__class__").__subclasses__',
    'import operator\noperator.attrgetter("__class__.__subclasses__")([])',
    'import operator\noperator.methodcaller("__reduce_ex__", 2)([])',
    'import copy\ncopy.copy.__globals__',
    'import copy\ncopy.deepcopy(copy)',
    'import hashlib\nhashlib.sha256()._h',
    'import hashlib\nhashlib.new.__closure__',
    'import decimal\ndecimal.Decimal.__dict__',
    'import decimal\ndecimal.getcontext()._apply',
    'import random\nrandom.Random(1).__dict__',
    'import random\nrandom.Random(1)._randbelow',
    'import sys\nsys.modules',
    'import sys\nsys._getframe',
    'import io\nio.BytesIO(b"x").getbuffer()',
    'import asyncio\nasyncio.get_event_loop()',
    'import asyncio\nasyncio.Queue()._items',
    'import string\nstring.Formatter',
    'import enum\nenum.Enum.__init_subclass__.__globals__',
    'import itertools\nitertools.chain.__new__.__globals__',
    'import pprint\npprint.PrettyPrinter()._stream',
    'import csv, sys\ncsv.writer(sys.stdout)._target',
    'import zoneinfo\nzoneinfo.ZoneInfo.clear_cache()',
    'import time\ntime.sleep.__closure__',
    'import uuid\nuuid.getnode()',
    'import statistics\nstatistics.NormalDist',
    'from typing import get_origin, Callable\nget_origin(Callable[[int], str]).__subclasses__',
    'from typing import get_origin, Union\nget_origin(Union[int, str])._getitem',
    'import difflib\ndifflib.SequenceMatcher(None, "ab", "b").b2j',
    'import difflib\ndifflib.SequenceMatcher.__init__.__globals__',
    'import difflib\ndifflib.ndiff.__globals__',
    'import graphlib\ngraphlib.TopologicalSorter()._node2info',
    'import types\ntypes.ModuleType',
    'import types\ntypes.CodeType',
    'import types\ntypes.SimpleNamespace.__init__.__globals__',
    'import shlex\nshlex.shlex',
    'import numbers\nnumbers.Number.register',
    'import __future__\n__future__.annotations._Feature__x',
]


@pytest.mark.parametrize('src', ESCAPES)
def test_escape_attempt_is_refused(src: str) -> None:
    out = run_monty(src)
    assert out.exc_type in {
        'AttributeError',
        'TypeError',
        'NameError',
        'ImportError',
        'ModuleNotFoundError',
    }, out
    assert out.value is None


def test_sandbox_cannot_overwrite_private_state() -> None:
    for src in (
        'import re\np = re.compile("a")\np._rx = 1',
        'import fractions\nf = fractions.Fraction(1, 2)\nf._numerator = "x" * 10',
        'import decimal\nd = decimal.Decimal(1)\nd.foo = 1',
        'import pprint\np = pprint.PrettyPrinter()\np._stream = 1',
        'import random\nr = random.Random(1)\nr.seed = 1',
        'import asyncio\nasyncio.Queue()._items = []',
        'import graphlib\ngraphlib.TopologicalSorter().add = print',
        'import difflib\ndifflib.SequenceMatcher().a = "x"',
        'import __future__\n__future__.annotations.optional = 1',
        'import struct\nstruct.Struct("B").size = 3',
    ):
        assert sandbox_error(src)[0] == 'AttributeError', src


def test_absent_modules_explain_why() -> None:
    for name in ('os', 'subprocess', 'socket', 'pathlib', 'shutil'):
        kind, message = sandbox_error(f'import {name}')
        assert kind == 'ModuleNotFoundError' and message is not None
        assert 'host functions' in message


def test_decimal_context_does_not_leak_between_runs() -> None:
    import decimal

    assert (
        sandbox_value('import decimal\ndecimal.getcontext().prec = 3\nstr(decimal.Decimal(1) / 3)') == '0.333'
    )
    assert sandbox_value('import decimal\nstr(decimal.Decimal(1) / 3)') == '0.3333333333333333333333333333'
    assert decimal.getcontext().prec == 28


def test_enum_classes_are_per_run() -> None:
    sandbox_value('import enum\nenum.Enum.injected = 1')
    assert sandbox_error('import enum\nenum.Enum.injected')[0] == 'AttributeError'


def test_modules_are_fresh_per_run() -> None:
    sandbox_value('import json\nclass E(json.JSONEncoder):\n    pass\njson.JSONEncoder.item_separator = "!"')
    assert sandbox_value('import json\njson.dumps([1, 2])') == '[1, 2]'


# -- bounds -----------------------------------------------------------------------------------------
SHORT = {'max_duration_secs': 0.5}

UNBOUNDED = [
    'import itertools\nlist(itertools.count())',
    'import itertools\nfor _ in itertools.product(range(10**6), repeat=10):\n    pass',
    'import itertools\nlist(itertools.cycle([1]))',
    'import itertools\nsum(itertools.repeat(1))',
    'import itertools\nlist(itertools.islice(itertools.count(), 10**12, None))',
    'import itertools\nlist(itertools.permutations(range(20)))',
    'import re\nre.match("(a|aa)+$", "a" * 60 + "b")',
    'import collections, itertools\ncollections.deque(itertools.count(), maxlen=1)',
    'import collections\nlist(collections.Counter(a=10**12).elements())',
    'import functools, itertools\nfunctools.reduce(lambda a, b: a, itertools.count())',
    'import math, itertools\nmath.fsum(itertools.repeat(1.0))',
    'import statistics, itertools\nstatistics.mean(itertools.count())',
    'import heapq, itertools\nheapq.nlargest(3, itertools.count())',
    'import heapq, itertools\nlist(heapq.merge(itertools.count(), itertools.count()))',
    'import fnmatch, itertools\nfnmatch.filter(itertools.repeat("a"), "*")',
    'import shlex\nshlex.split("a " * 10**7)',
    'import shlex, itertools\nshlex.join(itertools.repeat("a b"))',
    'import graphlib, itertools\ngraphlib.TopologicalSorter({1: itertools.count(2)})',
    'import difflib\ndifflib.SequenceMatcher(None, "a" * 20000, "a" * 20000, autojunk=False).ratio()',
    'import difflib\nlist(difflib.ndiff(["x%d\\n" % i for i in range(3000)], ["y%d\\n" % i for i in range(3000)]))',
    'import difflib\ndifflib.get_close_matches("abc", ["abd"] * 10**7)',
    'import struct, itertools\nlist(struct.iter_unpack("B", bytes(10**8)))',
]


@pytest.mark.parametrize('src', UNBOUNDED)
def test_bulk_operation_stops_at_the_limit(src: str) -> None:
    start = time.perf_counter()
    out = run_monty(src, limits=SHORT)
    elapsed = time.perf_counter() - start
    assert out.exc_type in {'TimeoutError', 'MemoryError'}, out
    assert elapsed < 5


OVERSIZED = [
    'import math\nmath.factorial(10**7)',
    'import math\nmath.comb(10**8, 5 * 10**7)',
    'import math\nmath.prod([10**100000] * 1000)',
    'import operator\noperator.pow(3, 10**9)',
    'import operator\noperator.mul("x", 10**12)',
    'import operator\noperator.lshift(1, 10**12)',
    'import fractions\nfractions.Fraction(3, 2) ** 10**9',
    'import fractions\nfractions.Fraction("1e999999999")',
    'import decimal\nint(decimal.Decimal("1e999999999999"))',
    'import decimal\ndecimal.getcontext().prec = 10**9',
    'import re\nre.sub("", "x" * 10**6, "y" * 10**4)',
    'import json\njson.dumps([1], indent=10**9)',
    'import io\ns = io.StringIO()\ns.seek(10**12)\ns.write("x")',
    'import itertools\nitertools.product([1], repeat=10**12)',
    'import random\nrandom.Random(1).getrandbits(10**12)',
    'import textwrap\ntextwrap.indent("\\n" * 10**6, "x" * 10**6)',
    'import hashlib\nhashlib.shake_128(b"x").hexdigest(10**12)',
    'import hashlib\nhashlib.pbkdf2_hmac("sha256", b"p", b"s", 10**9)',
    'import collections\ncollections.deque([1] * 1000) * 10**9',
    'import struct\nstruct.pack("2000000000x")',
    'import struct\nstruct.Struct("2000000000x").pack()',
    'import fnmatch\nfnmatch.translate("*" * 10**6)',
]


@pytest.mark.parametrize('src', OVERSIZED)
def test_oversized_result_is_refused(src: str) -> None:
    start = time.perf_counter()
    kind, _ = sandbox_error(src)
    assert kind in {'MemoryError', 'ValueError', 'TimeoutError'}, (src, kind)
    assert time.perf_counter() - start < 5


def test_deep_json_raises_recursion_error() -> None:
    assert (
        sandbox_error('import json\nx = []\nfor _ in range(100000):\n    x = [x]\njson.dumps(x)')[0]
        == 'RecursionError'
    )
    assert sandbox_error('import json\njson.loads("[" * 100000 + "]" * 100000)')[0] == 'RecursionError'


def test_catastrophic_regex_ends_with_time_limit() -> None:
    start = time.perf_counter()
    kind, message = sandbox_error('import re\nre.match("(a|aa)+$", "a" * 40 + "b")', limits=SHORT)
    assert time.perf_counter() - start < 5
    assert kind == 'TimeoutError', message
    assert message is not None and 'time limit' in message


# -- hooks ------------------------------------------------------------------------------------------
def test_clock_needs_the_now_hook() -> None:
    for src in (
        'import time\ntime.time()',
        'import datetime\ndatetime.datetime.now()',
        'import datetime\ndatetime.date.today()',
    ):
        kind, message = sandbox_error(src)
        assert kind == 'RuntimeError' and message is not None and "'now' hook" in message


def test_clock_hook_is_used() -> None:
    hooks = {'now': lambda: 86400.0 * 365}
    value = sandbox_value(
        'import time, datetime\n[time.time(), str(datetime.datetime.now()), str(datetime.date.today()), '
        'datetime.datetime.now(datetime.timezone.utc).isoformat()]',
        hooks=hooks,
    )
    assert value == [31536000.0, '1971-01-01 00:00:00', '1971-01-01', '1971-01-01T00:00:00+00:00']


def test_virtual_monotonic_clock() -> None:
    assert sandbox_value('import time\na = time.monotonic()\ntime.sleep(2.5)\ntime.perf_counter() - a') == 2.5


def test_randomness_needs_the_hook() -> None:
    for src in (
        'import random\nrandom.random()',
        'import uuid\nuuid.uuid4()',
        'import random\nrandom.Random()',
        'import secrets\nsecrets.token_hex()',
    ):
        kind, message = sandbox_error(src)
        assert kind == 'RuntimeError' and message is not None and "'random_bytes' hook" in message, src
    assert sandbox_value('import random\nrandom.seed(7)\nrandom.randint(1, 1000)') == __import__(
        'random'
    ).Random(7).randint(1, 1000)


def test_randomness_hook_is_used() -> None:
    hooks = {'random_bytes': lambda n: bytes(range(n))}
    value = sandbox_value(
        'import uuid, random, secrets\n[str(uuid.uuid4()), secrets.token_hex(4), type(random.random()).__name__]',
        hooks=hooks,
    )
    assert value[0] == '00010203-0405-4607-8809-0a0b0c0d0e0f'
    assert value[1] == '00010203'
    assert value[2] == 'float'


def test_json_dump_to_stdout() -> None:
    out = run_monty('import json, sys\njson.dump({"a": 1}, sys.stdout)\nprint()')
    assert out.stdout == '{"a": 1}\n'


def test_pprint_goes_to_sandbox_stdout() -> None:
    out = run_monty('import pprint\npprint.pprint({"b": 1, "a": [1, 2]})')
    assert out.stdout == "{'a': [1, 2], 'b': 1}\n"


def test_pprint_with_depth_matches_cpython() -> None:
    out = run_monty('import pprint\nprint(pprint.pformat([[1, [2]], 3], depth=1))')
    assert out.stdout == '[[...], 3]\n'


def test_setrecursionlimit_never_above_the_host_limit() -> None:
    src = (
        'import sys\nsys.setrecursionlimit(10**6)\nprint(sys.getrecursionlimit())\n'
        'def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nd(500)'
    )
    out = run_monty(src, limits={'max_recursion_depth': 100})
    assert out.stdout == '1000000\n'
    assert out.exc_type == 'RecursionError'
    assert run_monty(src.replace('d(500)', 'd(90)'), limits={'max_recursion_depth': 100}).value == 90
