"""The checker's text pre-scan agrees with its tree walk.

`check_tree` skips the walk when the source text holds none of the walk's triggers. That is only
sound if every program the walk refuses, and every program it flags for the size guard, is caught by
the text scan. These tests run both on every program the test suite knows plus targeted cases.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monty_core import MontySyntaxError
from monty_core.compiler.check import _Checker, _may_be_size_sensitive, _needs_walk

from ..security.payloads import PAYLOADS

TESTS = Path(__file__).parent.parent


def walk(source: str) -> tuple[bool, bool]:
    """(refused, size_sensitive) as the full tree walk decides them."""
    checker = _Checker(source.splitlines(), 'main.py')
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(source)
        checker.visit(tree)
    except MontySyntaxError:
        return True, False
    return False, checker.size_sensitive


def assert_scan_covers_walk(source: str) -> None:
    refused, size_sensitive = walk(source)
    if _needs_walk(source):
        return
    assert not refused, f'the text scan skipped a program the walk refuses:\n{source}'
    if size_sensitive:
        assert _may_be_size_sensitive(source), f'the text scan missed a size-sensitive program:\n{source}'


def known_sources() -> list[str]:
    files = [
        *sorted((TESTS / 'conformance' / 'corpus' / 'programs').glob('*.py')),
        *(TESTS / 'stdlib' / 'programs').glob('*.py'),
    ]
    return [f.read_text() for f in files] + [p.code for p in PAYLOADS]


def test_scan_covers_walk_on_every_known_program() -> None:
    sources = known_sources()
    assert len(sources) > 250
    for source in sources:
        assert_scan_covers_walk(source)


@pytest.mark.parametrize(
    'source',
    [
        'x = __builtins__',
        'x.__class__',
        'def f(_m_ticker): pass',
        'f(_x=1)',
        'from os import path',
        'import json',
        'class A(metaclass=M): pass',
        "type('X', (), {})",
        'match x:\n    case C(gi_frame=f): pass',
        # NFKC: fullwidth low lines read as `__class__`
        '().\uff3f\uff3fclass\uff3f\uff3f',
    ],
)
def test_refused_programs_take_the_walk(source: str) -> None:
    assert _needs_walk(source)


@pytest.mark.parametrize(
    'source',
    [
        'x = [0] * n',
        'x = 2 ** n',
        "x = '%s' % y",
        'x = 1 << n',
        "x = f'{y:{w}}'",
        "x = f'{y:>100000}'",
        "x = f'''{y:\n>1000000000}'''",
        "x = f'{y:.100000f}'",
        "x = f'{y:>+#09999,.99999f}'",
        'x *= 3',
    ],
)
def test_size_sensitive_programs_are_flagged(source: str) -> None:
    assert walk(source)[1]
    assert _needs_walk(source) or _may_be_size_sensitive(source)


def test_plain_glue_code_skips_the_walk() -> None:
    source = "users = fetch('users', page=12345)\nnames = [u['name'] for u in users if u['active']]\nnames"
    assert not _needs_walk(source)
    assert not _may_be_size_sensitive(source)


_ATOMS = st.sampled_from(
    ['x', 'y_1', '_y', '__class__', '.__dict__', '.real', '*', '**', '%', '<<', '{', '}', ':', '>', '(', ')',
     ' ', '\n', "'", 'f"', '"', '100000', '9', 'import', 'type', 'match', 'case', '=', ',', '[', ']', '#',
     '\uff3f', 'é', 'def ', 'class ', 'lambda ', 'for ', ' in ', 'if ', ':\n    ']
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_ATOMS, max_size=40).map(''.join))
def test_scan_covers_walk_on_random_text(source: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ast.parse(source)
    except (SyntaxError, ValueError):
        return
    assert_scan_covers_walk(source)
