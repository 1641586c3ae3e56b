"""Determinism of what sandbox code observes (runtime/hashing.py, identities.py, rendering.py,
compiler/determinism.py): hash(), default reprs and set order are the same in every process (any
PYTHONHASHSEED), so snapshots replay; and CPython's behaviour is kept where it is already
process-independent."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest

import monty_core
from monty_core import MontyRuntimeError, MontySnapshot

SEEDS = ('1', '2', '3')


def run(code: str, **kwargs: Any) -> tuple[Any, str]:
    printed: list[str] = []
    result = monty_core.Monty(code, **kwargs).run(print_callback=lambda stream, text: printed.append(text))
    return result, ''.join(printed)


def run_in_children(code: str) -> list[str]:
    """The printed output and result of `code`, run in a fresh process per hash seed."""
    script = (
        'import sys, monty_core\nout = []\n'
        'r = monty_core.Monty(sys.stdin.read()).run(print_callback=lambda s, t: out.append(t))\n'
        'print("".join(out) + "RESULT " + repr(r))'
    )
    outs = []
    for seed in SEEDS:
        env = {**os.environ, 'PYTHONHASHSEED': seed}
        proc = subprocess.run(
            [sys.executable, '-c', script], input=code, capture_output=True, text=True, env=env, timeout=60
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    return outs


HASHES = """
import datetime, enum
from dataclasses import dataclass

class A:
    def m(self):
        pass

class Color(enum.Enum):
    RED = 1

@dataclass(frozen=True)
class Frozen:
    name: str
    tags: tuple

def f():
    pass

a = A()
values = [
    'a', 'hello world', '', 'é☃', b'a', b'bytes', None, ..., NotImplemented, a, A, f, len, a.m, [].append,
    ('a', 1), ('a', ('b', b'c'), None), frozenset({'a'}), frozenset({'x', 'y', ('z', 1)}), Color.RED,
    Frozen('n', ('t',)), datetime.date(2024, 5, 6), datetime.datetime(2024, 5, 6, 7, 8, 9, 10),
    datetime.time(1, 2, 3), datetime.timedelta(days=1), range(3), 1, 2.5, True, 3j,
]
for v in values:
    print(type(v).__name__, hash(v))
print(hash(a) == hash(a), hash(f) != hash(A))
"""


def test_hashes_are_the_same_in_every_process() -> None:
    outs = run_in_children(HASHES)
    assert len(set(outs)) == 1, outs
    assert 'str' in outs[0]


REPRS = """
import asyncio

class A:
    pass

class B:
    def __repr__(self):
        return 'B(' + super().__repr__() + ')'

class C(A):
    def __str__(self):
        return 'C!'

class Tags(set):
    pass

def f():
    pass

def gen():
    yield 1

async def co():
    return 1

a, b, c = A(), B(), C()
g = gen()
cr = co()
lam = lambda x: x
items = [a, b, c, f, lam, g, A, len, print, a.__init__, [].append, iter([]), map(str, [])]
for x in items:
    print(repr(x), str(x), f'{x}', f'{x!r}', format(x), '{} {!r}'.format(x, x))
print(items, (a, f), {'k': [f, {a}]})
print(object.__repr__(b), a.__repr__(), f.__repr__(), A.__repr__(a), ascii(f))
cr.close()
words = {'pear', 'fig', 'apple', 'kiwi', 'plum'}
print(words, frozenset(words), {'w': words}, [words], Tags(words), Tags())
print(str(words), repr(words), f'{words}', f'{words!r}', f'{words!s:>50}', format(words), '{}'.format(words))
print(list(words), tuple(words), [*words], (*words, 0), ', '.join(words), sorted(words))
x, y, *rest = words
print(x, y, rest)
def take(*args):
    return args
print(take(*words), {*words} == words, {1: 2}.keys(), {'a': f}.values())
mixed = {'a', 1, 2.5, None, ('t',)}
print(mixed, list(mixed))
nested = {frozenset({'b', 'a'}), frozenset({'c'})}
print(nested)
import pprint
loop = [1]
loop.append(loop)
print(pprint.pformat(loop), pprint.saferepr({'l': loop}))
repr((a, f, words))
"""


def test_reprs_and_set_renderings_are_the_same_in_every_process() -> None:
    outs = run_in_children(REPRS)
    assert len(set(outs)) == 1, outs
    out = outs[0]
    assert ' at 0x7f' in out
    assert "{'apple', 'fig', 'kiwi', 'pear', 'plum'}" in out  # canonical: sorted
    assert "Tags({'apple', 'fig', 'kiwi', 'pear', 'plum'}) Tags()" in out
    assert "['apple', 'fig', 'kiwi', 'pear', 'plum'] ('apple', 'fig', 'kiwi', 'pear', 'plum')" in out
    assert 'apple fig ' in out  # x, y, *rest = words
    assert '[1, <Recursion on list with id=1396' in out  # pprint: the fake address, in decimal


SNAPSHOT = """
class A:
    pass
a = A()
words = {'pear', 'fig', 'apple', 'kiwi'}
fetch(repr(a), hash('key'), hash(a), str(words), list(words))
first, *others = words
fetch(f'{a} {words}', first, others, [*words])
fetch(hash((a, 'x', None)), repr(lambda: 0))
"""

CHILD_FINISH = """
import sys, monty_core
snap = monty_core.MontySnapshot.load(sys.stdin.buffer.read())
calls = []
while isinstance(snap, monty_core.MontySnapshot):
    calls.append((snap.function_name, snap.args))
    snap = snap.resume(return_value=None)
print(repr(calls))
"""


def test_snapshots_of_hash_and_repr_dependent_code_replay_under_any_hash_seed() -> None:
    m = monty_core.Monty(SNAPSHOT, external_functions=['fetch'])
    snap = m.start()
    assert isinstance(snap, MontySnapshot)
    first_args = snap.args
    data = snap.resume(return_value=None).dump()  # type: ignore[union-attr]
    outs = set()
    for seed in SEEDS:
        env = {**os.environ, 'PYTHONHASHSEED': seed}
        proc = subprocess.run(
            [sys.executable, '-c', CHILD_FINISH], input=data, capture_output=True, env=env, timeout=60
        )
        assert proc.returncode == 0, proc.stderr.decode()
        outs.add(proc.stdout.decode())
    assert len(outs) == 1, outs
    assert first_args[0] == '<__main__.A object at 0x7f0000000010>'
    assert first_args[3] == "{'apple', 'fig', 'kiwi', 'pear'}"
    assert first_args[4] == ['apple', 'fig', 'kiwi', 'pear']


# -- hash: CPython compatibility ---------------------------------------------------------------------


@pytest.mark.parametrize(
    'expr',
    [
        '0',
        '-1',
        '2**61 - 1',
        '10**40',
        '-(10**40)',
        '1.5',
        'float("inf")',
        'float("nan") != 0 and 0',
        '3 + 4j',
        'True',
        '()',
        '(1, 2, 3)',
        '((1, 2), (-1, 2.5), (), True)',
        'frozenset()',
        'frozenset({1, 2, 3})',
        'frozenset({(1, 2), frozenset({3})})',
        'range(1, 10, 3)',
    ],
)
def test_hash_of_numbers_and_their_containers_is_cpythons(expr: str) -> None:
    assert run(f'hash({expr})')[0] == hash(eval(expr))


def test_hash_invariants() -> None:
    code = """
class S(str):
    pass
class Bs(bytes):
    pass
[
    hash(1) == hash(1.0) == hash(True) == hash(1 + 0j),
    hash(S('abc')) == hash('abc'),
    hash(Bs(b'ab')) == hash(b'ab'),
    hash(('a', S('b'))) == hash(('a', 'b')),
    hash(frozenset({'x', 'y'})) == hash(frozenset(['y', 'x'])),
    hash('a') != hash('b'),
    hash('') == 0,
    hash(b'') == 0,
    hash(None) == hash(None),
]
"""
    assert run(code)[0] == [True] * 9


def test_default_hash_and_repr_addresses_agree_and_are_stable_within_a_run() -> None:
    code = """
class A:
    pass
a, b = A(), A()
ra = repr(a)
[ra == repr(a), ra != repr(b), hash(a) == int(ra[-15:-1], 16) >> 4, hash(a) == hash(a), hash(a) != hash(b)]
"""
    assert run(code)[0] == [True] * 5


@pytest.mark.parametrize(
    ('code', 'message'),
    [
        ('hash([])', "unhashable type: 'list'"),
        ('hash({})', "unhashable type: 'dict'"),
        ('hash({1})', "unhashable type: 'set'"),
        ('hash((1, [2]))', "unhashable type: 'list'"),
        ('class E:\n    def __eq__(self, o):\n        return True\nhash(E())', "unhashable type: 'E'"),
        ('class N:\n    __hash__ = None\nhash(N())', "unhashable type: 'N'"),
        (
            "class W:\n    def __hash__(self):\n        return 'x'\nhash(W())",
            '__hash__ method should return an integer',
        ),
    ],
)
def test_unhashable_errors_are_cpythons(code: str, message: str) -> None:
    with pytest.raises(MontyRuntimeError) as info:
        run(code)
    assert info.value.type_name == 'TypeError'
    assert info.value.message == message


def test_user_hash_is_called_and_sets_and_dicts_work() -> None:
    code = """
calls = []
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x
    def __hash__(self):
        calls.append(self.x)
        return hash(('P', self.x))
h = hash(P('k'))
d = {P('k'): 1}
[h == hash(('P', 'k')), d[P('k')], len({P(1), P(1), P(2)}), P(2) in {P(2)}, len(calls) > 0]
"""
    assert run(code)[0] == [True, 1, 2, True, True]


def test_hash_of_str_is_fast_enough() -> None:
    # a keyed BLAKE2b per str (short ones cached): far below a microsecond
    code = 'total = 0\nfor i in range(20000):\n    total ^= hash(str(i))\ntotal'
    assert isinstance(run(code)[0], int)


# -- repr: the shape of CPython's, with a fake address ----------------------------------------------


ADDRESS = re.compile(r'0x7f[0-9a-f]{10}')


def test_default_repr_has_cpythons_shape_everywhere_it_is_reached() -> None:
    code = """
class A:
    pass
class Sub(A):
    def __repr__(self):
        return 'Sub:' + super().__repr__()
a = A()
[repr(a), str(a), f'{a}', f'{a!r}', format(a), '%r' % (a,), '%s' % (a,), '{}'.format(a), repr([a]),
 object.__repr__(a), a.__repr__(), repr(Sub())]
"""
    out = run(code)[0]
    first = out[0]
    assert re.fullmatch(r'<__main__\.A object at 0x7f[0-9a-f]{10}>', first)
    assert out[1:] == [first] * 7 + [f'[{first}]', first, first, out[11]]
    assert re.fullmatch(r'Sub:<__main__\.Sub object at 0x7f[0-9a-f]{10}>', out[11])


def test_print_of_objects_and_functions_shows_fake_addresses() -> None:
    code = """
class A:
    pass
def outer():
    def inner():
        pass
    return inner
def gen():
    yield
print(A(), [A()], outer(), lambda: 0, gen(), A().__init__, [].append, iter(()))
"""
    out = run(code)[1]
    assert '<__main__.A object at 0x7f' in out
    assert '<function outer.<locals>.inner at 0x7f' in out
    assert '<function <lambda> at 0x7f' in out
    assert '<generator object gen at 0x7f' in out
    assert '<bound method A.__init__ of <__main__.A object at 0x7f' not in out  # object's __init__
    assert '<method-wrapper' in out
    assert '<built-in method append of list object at 0x7f' in out
    assert '<tuple_iterator object at 0x7f' in out
    assert all(ADDRESS.fullmatch(m) for m in re.findall(r'0x[0-9a-f]+', out))


def test_user_reprs_and_str_are_kept() -> None:
    code = """
class A:
    def __repr__(self):
        return 'A()'
class B(A):
    def __str__(self):
        return 'b'
[repr(A()), str(A()), repr(B()), str(B()), f'{B()}', f'{B()!r}', repr([B()])]
"""
    assert run(code)[0] == ['A()', 'A()', 'A()', 'b', 'b', 'A()', '[A()]']


def test_dataclass_repr_and_hash() -> None:
    code = """
from dataclasses import dataclass, field
@dataclass(frozen=True)
class P:
    name: str
    tags: frozenset = frozenset()
    note: str = field(default='', repr=False, compare=False)
@dataclass
class Q:
    items: list
    def __repr__(self):
        return 'Q!'
@dataclass(repr=False)
class R:
    x: int
q = Q([])
q.items.append(q)
[repr(P('a', frozenset({'y', 'x'}))), hash(P('a')) == hash(('a', frozenset())), hash(P('a', note='x')) == hash(P('a')),
 repr(q), repr(R(1))[:14]]
"""
    assert run(code)[0] == ["P(name='a', tags=frozenset({'x', 'y'}))", True, True, 'Q!', '<__main__.R ob']


def test_repl_snippets_share_fake_addresses() -> None:
    repl = monty_core.MontyRepl()
    repl.feed_run('class A:\n    pass\na = A()\nr1 = repr(a)')
    assert repl.feed_run('[repr(a) == r1, repr(A()) != r1]') == [True, True]
    restored = monty_core.MontyRepl.load(repl.dump())
    assert restored.feed_run('repr(a) == r1') is True


def test_fake_addresses_are_reused_only_after_the_object_is_gone() -> None:
    code = """
class A:
    pass
seen = set()
for i in range(100):
    seen.add(repr(A()))
keep = [A() for i in range(3)]
rs = [repr(k) for k in keep]
[len(seen), len(set(rs))]
"""
    assert run(code)[0] == [100, 3]


# -- sets ----------------------------------------------------------------------------------------------


def test_set_renderings_match_sorted_order() -> None:
    code = """
s = {'b', 'c', 'a'}
fs = frozenset(s)
[repr(s), str(fs), f'{s}', f'{ {"k": s} }', str([s]), repr((s,)), format(s), '{0}'.format(s), repr(set()),
 repr(frozenset())]
"""
    assert run(code)[0] == [
        "{'a', 'b', 'c'}",
        "frozenset({'a', 'b', 'c'})",
        "{'a', 'b', 'c'}",
        "{'k': {'a', 'b', 'c'}}",
        "[{'a', 'b', 'c'}]",
        "({'a', 'b', 'c'},)",
        "{'a', 'b', 'c'}",
        "{'a', 'b', 'c'}",
        'set()',
        'frozenset()',
    ]


def test_set_unpacking_and_conversion_in_canonical_order() -> None:
    code = """
class Box:
    pass
box = Box()
box.s = {'b', 'c', 'a'}
s = box.s
d = {'k': s}
x, y, z = s
p, *q = box.s
m, *n = d['k']
def f(*args):
    return args
[(x, y, z), p, q, m, list(s), tuple(s), [*s], (*s,), f(*s), f(*box.s), ','.join(s), list(map(str, s))]
"""
    result = run(code)[0]
    abc = ['a', 'b', 'c']
    assert result == [
        ('a', 'b', 'c'),
        'a',
        ['b', 'c'],
        'a',
        abc,
        ('a', 'b', 'c'),
        abc,
        ('a', 'b', 'c'),
        ('a', 'b', 'c'),
        ('a', 'b', 'c'),
        'a,b,c',
        abc,
    ]


def test_builtin_names_can_still_be_rebound() -> None:
    code = """
def str(x):
    return 'mine'
def g(list):
    return list(5)
[str(1), g(lambda n: n * 2), f'{str}'[:13]]
"""
    assert run(code)[0] == ['mine', 10, '<function str']


def test_rewrites_inside_class_bodies_and_comprehension_iterables() -> None:
    code = """
class K:
    s = {'b', 'a'}
    text = f'{s} {[w for w in s]}'
    first, second = s
    as_list = list(s)
    comp = [c for c in f'{s}' if c.isalpha()]
[K.text, K.first, K.as_list, K.comp, [w for w in str({'y', 'x'})]]
"""
    assert run(code)[0] == [
        "{'a', 'b'} ['a', 'b']",
        'a',
        ['a', 'b'],
        ['a', 'b'],
        ['{', "'", 'x', "'", ',', ' ', "'", 'y', "'", '}'],
    ]


def test_nested_and_cyclic_containers_render_as_in_cpython() -> None:
    code = """
class L(list):
    def __iter__(self):
        return iter([99])
class Tags(set):
    pass
l = L([1, {'b', 'a'}])
l.append(l)
m = L([1])
m.append(m)
d = {'x': [1, {2: {'q', 'p'}}], 'y': (1,)}
d['self'] = d
deep = []
for i in range(900):
    deep = [deep, {'k': (i, 'v')}]
[repr(l), repr(m), repr(d), repr({1: 2}.items()), repr({'a': {'c', 'b'}}.values()), repr([[[{'b', 'a'}]]]),
 repr(({'z'},)), repr(Tags({'y', 'x'})), len(repr(deep)) > 9000]
"""
    assert run(code)[0] == [
        "[1, {'a', 'b'}, [...]]",
        '[1, [...]]',
        "{'x': [1, {2: {'p', 'q'}}], 'y': (1,), 'self': {...}}",
        'dict_items([(1, 2)])',
        "dict_values([{'b', 'c'}])",
        "[[[{'a', 'b'}]]]",
        "({'z'},)",
        "Tags({'x', 'y'})",
        True,
    ]


def test_rendering_a_huge_aliased_structure_is_refused_before_it_starts() -> None:
    # 10**9 set reprs: weighed first (shared containers count once per reference), refused at once.
    code = "row = [{'a'}] * 1000\ngrid = [row] * 1000\nbig = [grid] * 1000\nlen(str(big))"
    with pytest.raises(MontyRuntimeError) as info:
        monty_core.Monty(code).run(limits={'max_duration_secs': 0.3})
    assert info.value.type_name == 'MemoryError'
    assert 'rendering this value as text would need' in str(info.value)


def test_names_known_to_hold_plain_values_skip_the_test_but_nothing_else_does() -> None:
    code = """
def range(n):
    return [{'b', 'a'}] * n
def f():
    out = []
    for i in range(1):
        out.append(f'{i}')
    name = 'x'
    out.append([f'{name}' for name in [{'d', 'c'}]][0])
    class K:
        name = {'f', 'e'}
        text = f'{name}'
    out.append(K.text)
    out.append(f'{name}')
    return out
f()
"""
    assert run(code)[0] == ["{'a', 'b'}", "{'c', 'd'}", "{'e', 'f'}", 'x']


def test_computed_fstring_fields_render_sets_the_same_in_every_process() -> None:
    code = (
        'def tags():\n    return {"b", "a", "c", "dd", "ee"}\n'
        'print(f"{tags()} {tags() | {\'x\'}} {[*tags()][0]}")\n'
    )
    outs = run_in_children(code)
    assert len(set(outs)) == 1, outs
    assert outs[0].startswith("{'a', 'b', 'c', 'dd', 'ee'} {'a', 'b', 'c', 'dd', 'ee', 'x'} a")
