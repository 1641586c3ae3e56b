"""Host objects are read-only to sandbox code: no write reaches a host class, a shared object or a
Python-level host object's private state (which would feed unchecked host code or other runs)."""

from __future__ import annotations

import pytest

from monty_core import Monty, MontyRuntimeError

REFUSED = [
    'from fractions import Fraction\nf = Fraction(1, 3)\nf._numerator = "x" * 10',
    'import dataclasses\ndataclasses.MISSING.flag = 1',
    'import asyncio\nasync def f():\n    pass\nt = asyncio.create_task(f())\nt._coro = None',
    'import json\njson.dumps.marker = 1',
    'setattr(print, "x", 1)',
    'import typing\ntyping.Optional.x = 1',
    'import sys\nsys.stdout.x = 1',
    # decorator metadata is writable on sandbox functions only, and only the metadata
    'len.__name__ = "x"',
    'print.__qualname__ = "x"',
    'import functools\nfunctools.reduce.__doc__ = "x"',
    'class A:\n    pass\nA.__name__ = "B"',
    'def f():\n    pass\nf.__globals__ = {}',
    'def f():\n    pass\nf.__defaults__ = (1,)',
    'def f():\n    pass\nf.__code__ = None',
    'def f():\n    pass\ndel f.__name__',
]


@pytest.mark.parametrize('code', REFUSED)
def test_writes_to_host_objects_are_refused(code: str) -> None:
    with pytest.raises(MontyRuntimeError) as info:
        Monty(code).run()
    assert info.value.type_name == 'AttributeError'


def test_own_objects_stay_writable() -> None:
    code = """
class A:
    pass
a = A()
a.x = 1
def f():
    pass
f.calls = 2
e = ValueError('v')
e.note = 3
import decimal
ctx = decimal.getcontext()
ctx.prec = 5
(a.x, f.calls, e.note, ctx.prec)
"""
    assert Monty(code).run() == (1, 2, 3, 5)


def test_enum_metaclass_is_not_reachable() -> None:
    code = """
from enum import Enum
class Color(Enum):
    RED = 1
out = [type(Color) is type, Color.__class__ is type]
for make in (lambda: type(Color)('X', (), {}), lambda: Color.__class__('X', (Color,), {})):
    try:
        make()
        out.append('made a class')
    except TypeError as e:
        out.append(type(e).__name__)
out
"""
    assert Monty(code).run() == [True, True, 'TypeError', 'TypeError']
