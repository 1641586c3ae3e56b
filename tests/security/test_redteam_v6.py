"""Red-team payloads, round 6 (a helper attacking the twelve stdlib modules added by conformance wave 2:
48 payloads, 12 worked, 5 root causes; all fixed).

- NSSELF   stdlib/types.py: `SimpleNamespace`'s methods (per-run class, host functions) accepted any
           `self`: `types.SimpleNamespace.__init__(typing.List, _name='HACKED')` rewrote the host's
           real `typing.List`, planted attributes on shared functions (a channel between runs) and
           `__repr__` read host objects' internals. `_support.mark_sandbox_class` now makes every
           method of a stdlib-made class refuse a `self`/`cls` of a class the current run did not make.
- DIFFLIB  stdlib/difflib.py: the private copy's own loops (`find_longest_match`'s `range`,
           `__chain_b`'s `enumerate`, `quick_ratio`'s passes) never ticked: 8.7 s past a 1 s limit.
- STRUCT   stdlib/struct.py: formats compiled and unpacked unweighed (`'0s' * 25_000_000`: 858 MB),
           and into CPython's process-wide format cache (memory kept after the run).
- SHLEX    stdlib/shlex.py: `quote` turns each `'` into five characters, unweighed.
"""

from __future__ import annotations

import typing

import pytest

from monty_core import Monty

from .test_redteam_v5 import outcome


@pytest.mark.parametrize(
    'call',
    [
        "types.SimpleNamespace.__init__(typing.List, _name='HACKED')",
        'types.SimpleNamespace.__repr__(typing.List)',
        "types.SimpleNamespace.__init__(shlex.quote, planted='A')",
        'types.SimpleNamespace.__eq__(typing.List, typing.List)',
    ],
)
def test_stdlib_class_methods_refuse_host_objects(call: str) -> None:
    kind, message, _ = outcome(f'import types, typing, shlex\n{call}')
    assert kind == 'TypeError' and 'needs an object of this run' in message, (kind, message)
    assert repr(vars(typing)['List']) == 'typing.List'  # the host's own typing.List is untouched


def test_simple_namespace_still_works() -> None:
    code = (
        'import types\nns = types.SimpleNamespace(a=1, b=[2])\nns.c = 3\n'
        'class Sub(types.SimpleNamespace):\n    pass\n'
        '[repr(ns), ns == types.SimpleNamespace(a=1, b=[2], c=3), Sub(x=1).x]'
    )
    assert Monty(code).run() == ['namespace(a=1, b=[2], c=3)', True, 1]


@pytest.mark.parametrize(
    'code',
    [
        "import difflib\ndifflib.SequenceMatcher(None, 'y' * (5 * 10**7), 'x').get_matching_blocks()",
        "import difflib\ndifflib.SequenceMatcher(None, 'y' * (5 * 10**7), 'x').quick_ratio()",
        "import difflib\ndifflib.SequenceMatcher(None, 'x', 'y' * (3 * 10**7))",
        "import struct\nstruct.calcsize('0s' * (25 * 10**6))",
        "import struct\nstruct.unpack('0s' * (20 * 10**6), b'')",
        "import struct\nstruct.unpack('90000000B', bytes(90000000))",
        "import struct\nstruct.Struct('0s' * (25 * 10**6))",
        'import shlex\nshlex.quote("\'" * 10**8)',
        'import shlex\nshlex.join(["\'" * 10**8])',
    ],
)
def test_new_module_calls_are_bounded(code: str) -> None:
    kind, message, elapsed = outcome(code)
    assert kind in ('MemoryError', 'TimeoutError'), (kind, message)
    assert elapsed < 5


def test_new_modules_still_work() -> None:
    code = """
import difflib, struct, shlex
sm = difflib.SequenceMatcher(None, 'abcd', 'bcde')
[round(sm.ratio(), 3), sm.get_matching_blocks()[0].size, struct.unpack('<2hI', struct.pack('<2hI', 1, 2, 3)),
 struct.calcsize('10s4i'), shlex.quote("it's"), shlex.join(['a b', 'c'])]
"""
    assert Monty(code).run() == [0.75, 3, (1, 2, 3), 28, "'it'\"'\"'s'", "'a b' c"]
