"""Seal v2: access decided by an object's type, no native fallbacks, nothing shared between runs.

One section per class of breach a red team found in the first seal, each with variants of its own
(not only the reproducer). A leaked host object is simulated with a test-only sandbox module that
exports real host objects: whatever sandbox code does with them, it must not get further.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

import pytest

from monty_core import Monty, MontyRuntimeError, MontySyntaxError
from monty_core.runtime.modules import RunContext, register_module


def run(code: str, **kwargs: Any) -> Any:
    return Monty(code).run(**kwargs)


def error_of(code: str) -> MontyRuntimeError:
    with pytest.raises(MontyRuntimeError) as info:
        run(code)
    return info.value


# -- 1. no native fallback at import -------------------------------------------------------------------
@pytest.mark.parametrize(
    'code',
    [
        'from asyncio import events',
        'from asyncio import base_events',
        'from json import decoder',
        'from json import scanner',
        'from re import sre_compile',
        'from zoneinfo import _tzpath',
        'from collections import os',
        'from typing import sys',
        'from datetime import sys',
        'import asyncio.events',
        'import json.decoder as d',
        'from urllib import request',
        'from urllib.parse import sys',
        'from string import _re',
    ],
)
def test_from_import_resolves_only_the_sandbox_modules_exports(code: str) -> None:
    with pytest.raises((MontyRuntimeError, MontySyntaxError)) as info:
        run(code)
    assert info.value.args[0].split(':')[0] in ('ImportError', 'ModuleNotFoundError', 'SyntaxError') or (
        'import' in str(info.value)
    )


def test_imports_still_bind_what_cpython_binds() -> None:
    code = """
import json
import collections.abc
import collections.abc as cabc
from collections import abc, OrderedDict as OD
from json import dumps, loads as L
def f():
    import math
    from math import sqrt as s
    return math.floor(s(16))
(json.__name__, collections.__name__, cabc.__name__, abc.__name__, OD.__name__, dumps([1]), L('2'), f())
"""
    assert run(code) == (
        'json',
        'collections',
        'collections.abc',
        'collections.abc',
        'OrderedDict',
        '[1]',
        2,
        4,
    )


def test_import_error_names_the_module_as_cpython() -> None:
    e = error_of('from json import nothing_here')
    assert e.type_name == 'ImportError'
    assert "cannot import name 'nothing_here' from 'json'" in str(e)


# -- 2. a leaked host object is opaque ------------------------------------------------------------------
LEAKED = {
    'mod': os,
    'env': os.environ,
    'system': os.system,
    'frame': sys._getframe(),
    'code': run.__code__,
    'hostfn': run,
    'ns': types.SimpleNamespace(os=os),
}


def _leak_factory(ctx: RunContext) -> dict[str, Any]:
    return dict(LEAKED)


register_module('monty_test_leak', _leak_factory)

OPAQUE = [
    'leak.mod.system',
    'leak.mod.environ',
    'leak.mod.path',
    'leak.mod.getcwd()',
    'leak.env.get("HOME")',
    'leak.env.copy()',
    'leak.env.keys()',
    'leak.mod.__dict__',
    'leak.mod.__name__',
    'leak.mod.__class__',
    'leak.mod.__loader__',
    'leak.system.__self__',
    'leak.frame.f_globals',
    'leak.frame.f_back',
    'leak.code.co_consts',
    'leak.hostfn.__globals__',
    'leak.hostfn.__closure__',
    'leak.ns.os',
    'getattr(leak.mod, "system")',
    'getattr(leak.env, "get")("HOME")',
    'hasattr(leak.mod, "system") or leak.mod.system',
    'vars(leak.mod)',
    '"{0.environ}".format(leak.mod)',
    '"{0.system}".format(leak.mod)',
    '"{m.path}".format_map({"m": leak.mod})',
    'm = leak.mod\nm.sep',
    'x = [leak.mod]\nx[0].name',
    'def f(m):\n    return m.path.join("a", "b")\nf(leak.mod)',
    'class A:\n    def __init__(self):\n        self.m = leak.mod\nA().m.environ',
    'import operator\noperator.attrgetter("environ")(leak.mod)',
    'import operator\noperator.methodcaller("getcwd")(leak.mod)',
    'leak.mod.environ = {}',
    'del leak.mod.system',
    'setattr(leak.ns, "x", 1)',
]


@pytest.mark.parametrize('code', OPAQUE)
def test_leaked_host_objects_are_dead_ends(code: str) -> None:
    e = error_of(f'import monty_test_leak as leak\n{code}')
    assert e.type_name in ('AttributeError', 'TypeError'), e


def test_class_patterns_never_read_an_opaque_subject() -> None:
    code = """
import monty_test_leak as leak
out = []
for subject in (leak.mod, leak.env, leak.ns, leak.system):
    match subject:
        case object(system=s):
            out.append(('system', s))
        case object(environ=e):
            out.append(('environ', e))
        case object(os=o):
            out.append(('os', o))
        case object(__class__=c) if False:
            pass
        case _:
            out.append('no match')
out
"""
    with pytest.raises(MontySyntaxError):
        run(code)  # `__class__` in a class pattern is refused at compile time
    code = code.replace('        case object(__class__=c) if False:\n            pass\n', '')
    # The subject's type decides: an opaque object's attributes go through the guard, which refuses.
    assert error_of(code).type_name == 'AttributeError'
    assert "access to 'module.system' is not allowed" in str(error_of(code))


def test_class_patterns_still_read_open_subjects() -> None:
    code = """
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
out = []
for subject in (Point(1, 2), Point(0, 5), 3, 'text', ValueError('bad'), [1, 2]):
    match subject:
        case Point(x=0, y=y):
            out.append(('on axis', y))
        case Point(x, y):
            out.append(('point', x, y))
        case int(n):
            out.append(('int', n))
        case str() as s:
            out.append(('str', s))
        case ValueError(args=(msg,)):
            out.append(('error', msg))
        case [a, b]:
            out.append(('pair', a, b))
out
"""
    assert run(code) == [
        ('point', 1, 2),
        ('on axis', 5),
        ('int', 3),
        ('str', 'text'),
        ('error', 'bad'),
        ('pair', 1, 2),
    ]


def test_value_patterns_read_dotted_names_through_the_guard() -> None:
    code = """
import monty_test_leak as leak
class Grab:
    def __eq__(self, other):
        box.append(other)
        return False
box = []
match Grab():
    case leak.mod.environ:
        pass
    case _:
        pass
box
"""
    assert error_of(code).type_name == 'AttributeError'
    code = """
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
def name(c):
    match c:
        case Color.RED:
            return 'red'
        case Color.GREEN | Color.RED:
            return 'green'
    return 'other'
[name(Color.RED), name(Color.GREEN), name(3)]
"""
    assert run(code) == ['red', 'green', 'other']


# -- 3. nothing a run writes outlives it ----------------------------------------------------------------
PLANTS = [
    'from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nP.mro()[1].index = print',
    'from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nP.__bases__[0].count = print',
    'from typing import TypedDict\nclass T(TypedDict):\n    x: int\nT.mro()[1].get = print',
    'from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nsetattr(P.__mro__[1], "index", 1)',
    'from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\nimport dataclasses\n'
    'dataclasses.dataclass(P.mro()[1])',
    'import json\njson.JSONEncoder.mro()[-1].x = 1',
    'import enum\nenum.Enum.mro()[-1].x = 1',
    'import collections\ncollections.OrderedDict.x = 1',
    'import fractions\nfractions.Fraction.x = 1',
    'import urllib.parse\nurllib.parse.uses_netloc.append("evil")\nimport urllib.parse as p\n'
    'assert "evil" in p.uses_netloc\n1/0',
]


@pytest.mark.parametrize('code', PLANTS)
def test_shared_classes_cannot_be_written(code: str) -> None:
    e = error_of(code)
    assert e.type_name in ('AttributeError', 'TypeError', 'ZeroDivisionError'), e


def test_three_runs_share_nothing() -> None:
    plant = """
from typing import NamedTuple
box = []
class P(NamedTuple):
    x: int
for target in P.mro():
    try:
        target.index = box.append
    except AttributeError:
        pass
import urllib.parse
urllib.parse.uses_netloc.append('planted')
len(box)
"""
    victim = """
from typing import NamedTuple
class Q(NamedTuple):
    y: int
import urllib.parse
q = Q(1)
(q.index(1), 'planted' in urllib.parse.uses_netloc)
"""
    run(plant)
    assert run(victim) == (0, False)
    import urllib.parse

    assert 'planted' not in urllib.parse.uses_netloc  # nor in the host


# -- 4. no unwrapped host classes through super() / mro() / type() --------------------------------------
@pytest.mark.parametrize(
    'code',
    [
        "from fractions import Fraction as F\nsuper(F, F).__new__(F, '1e300000000')",
        'import decimal\nc = decimal.getcontext()\nsuper(type(c), c).__init__(prec=10**9)',
        'import random\nrandom.Random.mro()[-2]()',
        'import random\nsuper(random.Random, random.Random(1)).random()',
        'from fractions import Fraction\n[c for c in Fraction.mro() if c.__name__ == "Rational"][0]',
    ],
)
def test_wrapped_host_classes_are_not_reachable(code: str) -> None:
    e = error_of(code)
    assert e.type_name in ('AttributeError', 'TypeError', 'IndexError', 'RuntimeError'), e


def test_mro_and_bases_show_only_what_the_sandbox_knows() -> None:
    code = """
from fractions import Fraction
import random
class A(dict):
    pass
class B(A):
    pass
(
    [c.__name__ for c in Fraction.mro()],
    [c.__name__ for c in random.Random.__mro__],
    [c.__name__ for c in B.mro()],
    [c.__name__ for c in B.__bases__],
    B.__base__.__name__,
)
"""
    assert run(code) == (
        ['Fraction', 'object'],
        ['Random', 'object'],
        ['B', 'A', 'dict', 'object'],
        ['A'],
        'A',
    )


@pytest.mark.parametrize(
    'code',
    [
        'bytearray().__init__(1_500_000_000)',
        'bytearray.__init__(bytearray(), 1_500_000_000)',
        'bytes.__new__(bytes, 1_500_000_000)',
        'class B(bytes):\n    pass\nB.__new__(B, 1_500_000_000)',
        'class B(bytes):\n    def __new__(cls, n):\n        return super().__new__(cls, n)\nB(1_500_000_000)',
        'str.__new__(str, [[0] * 100_000] * 1000)',
        'class S(str):\n    pass\nS.__new__(S, [[0] * 100_000] * 1000)',
    ],
)
def test_data_constructors_read_as_dunders_are_checked(code: str) -> None:
    with pytest.raises(MontyRuntimeError) as info:
        run(code, limits={'max_memory': 128 * 1024 * 1024})
    assert info.value.type_name == 'MemoryError'


def test_data_constructors_read_as_dunders_still_work() -> None:
    code = """
b = bytearray()
b.__init__(3)
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
(bytes(b), str.__new__(str, 12), S('ab'), bytes.__new__(bytes, 2), list.__new__(list) == [])
"""
    assert run(code) == (b'\x00\x00\x00', '12', 'AB', b'\x00\x00', True)


# -- 5. text shows no host address -----------------------------------------------------------------------
@pytest.mark.parametrize(
    'expr',
    [
        "'%r' % (f,)",
        "'%s' % f",
        "'%a|%10.20r' % (f, f)",
        "'%(x)r' % {'x': f}",
        "'%s'.__mod__(f)",
        'str.__new__(str, f)',
        "import string\nstring.Template('$x').substitute(x=f)",
        "import string\nstring.Template('${x}').safe_substitute({'x': [f]})",
        "import pprint\npprint.pformat([f, {'k': f}])",
        "f'{f!r}'",
        "'{!r}'.format(f)",
    ],
)
def test_renderings_show_the_runs_fake_address(expr: str) -> None:
    *setup, last = expr.split('\n')
    code = '\n'.join(['def f():\n    pass', *setup, last])
    text = run(code)
    assert '0x7f0000000010' in text, text
    assert hex(id(text))[:6] not in text


def test_programs_compiled_before_a_registration_are_recompiled() -> None:
    from monty_core.compiler import compile_program
    from monty_core.runtime.plain_reads import reset_plain_cache

    program = compile_program('x = [1]\nx.count(1)', 'main.py')
    assert program.current() is program
    reset_plain_cache()  # what registering a type does
    fresh = program.current()
    assert fresh is not program and fresh.code is not program.code
    assert fresh.current() is fresh
