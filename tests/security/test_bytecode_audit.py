"""The compiled bytecode itself: no opcode resolves a name or attribute behind the guard's back.

Every program of the differential corpora, the security payloads and a few constructs written to
exercise each path are compiled; every code object is disassembled and checked:

- no `IMPORT_NAME` / `IMPORT_FROM` / `IMPORT_STAR` (imports compile to `_m_import` calls: CPython's
  `IMPORT_FROM` falls back to the host's `sys.modules`);
- every `LOAD_ATTR` / `LOAD_METHOD` names an attribute the guard lets through plainly
  (`is_plain_safe`), or one of the compiler's own (the depth counter's `d`, a match holder's `vN`);
  every `STORE_ATTR` / `DELETE_ATTR` a name that is not special (a method's stores to its own `self`,
  run only once `_m_self` showed `self` is an instance of one of the run's classes); the guard decides
  everything else;
- every reserved name (`_m_*`) the code uses is one of the compiler/runtime contract (hooks.py).
"""

from __future__ import annotations

import dis
import re
from pathlib import Path
from types import CodeType

import pytest

from monty_core.compiler import compile_program
from monty_core.errors import MontySyntaxError
from monty_core.hooks import HOOKS
from monty_core.runtime.plain_reads import is_plain_safe

from .payloads import PAYLOADS

ROOT = Path(__file__).parent.parent
SOURCES = sorted((ROOT / 'conformance' / 'corpus' / 'programs').glob('*.py')) + sorted(
    (ROOT / 'stdlib' / 'programs').glob('*.py')
)
CONSTRUCTS = [
    'import json\nimport collections.abc as c\nfrom json import dumps, loads as L\n',
    'def f():\n    from math import sqrt\n    import re\n    return sqrt, re\n',
    'class A:\n    import json\n    from math import pi\n',
    'match x:\n    case P.Q(a=1, b=[c, *d]) | R(e):\n        pass\n    case {K.V: w, **rest}:\n        pass\n',
    'x = a.b.c(d.e, f=g.h)\ny = [i.j for i in k.l if i.m]\nz = {n.o: n.p for n in q.r}\n',
    'class C:\n    def m(self):\n        self.x = self.y + 1\n        return self.z(self.w)\n',
    'for item in items:\n    item.total += item.price\n    del item.old\n',
    "s = f'{obj.name!r:>{width.value}}'\nt = '{0.a}'.format(obj)\n",
]
_OWN_ATTRS = re.compile(r'^(d|v\d+)$')
_IMPORTS = {'IMPORT_NAME', 'IMPORT_FROM', 'IMPORT_STAR'}
_LOCAL_PREFIXES = tuple(h.name for h in HOOKS.values() if h.where == 'local')
_READS = {'LOAD_ATTR', 'LOAD_METHOD'}


def _in_contract(name: str) -> bool:
    if name in HOOKS:
        return True
    return any(name.startswith(p) and name[len(p) :].isdigit() for p in _LOCAL_PREFIXES)


_WRITES = {'STORE_ATTR', 'DELETE_ATTR'}


def _codes(code: CodeType) -> list[CodeType]:
    out = [code]
    for const in code.co_consts:
        if isinstance(const, CodeType):
            out.extend(_codes(const))
    return out


def _sources() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text()) for p in SOURCES]
    out += [(f'payload:{p.id}', p.code) for p in PAYLOADS]
    out += [(f'construct:{i}', c) for i, c in enumerate(CONSTRUCTS)]
    return out


def _problems(source: str) -> list[str]:
    try:
        program = compile_program(source, 'main.py')
    except MontySyntaxError:
        return []
    bad = []
    for code in _codes(program.code):
        for name in (*code.co_names, *code.co_varnames, *code.co_cellvars, *code.co_freevars):
            if name.startswith('_m_') and not _in_contract(name):
                bad.append(f'{code.co_name}: {name} is not in hooks.py')
        for ins in dis.get_instructions(code):
            if ins.opname in _IMPORTS:
                bad.append(f'{code.co_name}: {ins.opname} {ins.argval}')
            elif ins.opname in _READS:
                name = ins.argval
                if not (is_plain_safe(name) or _OWN_ATTRS.match(name)):
                    bad.append(f'{code.co_name}: {ins.opname} {name}')
            elif ins.opname in _WRITES and ins.argval.startswith('__'):
                bad.append(f'{code.co_name}: {ins.opname} {ins.argval}')
    return bad


def test_the_audit_sees_every_source() -> None:
    assert len(_sources()) > 300


@pytest.mark.parametrize(('name', 'source'), _sources(), ids=[n for n, _ in _sources()])
def test_no_native_name_or_attribute_resolution(name: str, source: str) -> None:
    assert _problems(source) == []
