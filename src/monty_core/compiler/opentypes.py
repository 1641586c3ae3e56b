"""Which attribute receivers are known, before the program runs, to hold an object of an *open* type.

An open type (runtime/plain_reads.py `open_types`, a sandbox module, a class the run made) is one whose
plain attribute reads give what the guard would: for such a receiver the rewrite keeps `x.name` as
plain bytecode; any other receiver is tested when the code runs (`x.name if _m_type(x) in _m_open_types
else _m_getattr(x, 'name')`, rewrite.py). This pass only saves tests: a receiver it cannot prove is tested.

The scopes and bindings come from one walk over the tree (scope_walk.py, `ScopeWalk`); this module
solves the abstract values of the bindings and places the per-variable flags (`Flags`).

What it proves (flow-insensitively, so conservatively):

- literals, displays, comprehensions and f-strings with a literal part evaluate to builtin data;
- a few methods of known str, list and dict values return known builtin data (`s.strip()`, `s.split()`);
- a name is open when every binding of it, anywhere in the program, binds an open value: `x = []`,
  `x = s.upper()`, `import m` (a sandbox module), `x += [...]` on a list. A function parameter, a loop
  target, a name bound by unpacking, `except`, `with`, `def` or `class` is not proven;
- a global that no statement binds is an input (converted to plain data) or a host function handle,
  both open, unless globals are shared with code compiled separately (a REPL's earlier snippets),
  or it names a builtin (a read before the program's own binding would see the builtin).

Soundness rests on three facts: a value's type never changes (`__class__` cannot be assigned in the
sandbox), a name read before any binding raises rather than yielding something else (locals, cells;
globals are handled above), and inputs and host results cross the boundary as plain data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any, cast

from ..hooks import FLAG
from .astutil import method_self
from .scope_walk import UNKNOWN, Key, Scope, ScopeWalk, mangled

# Abstract values: a tag for an exact builtin type, `_OPEN` for "some open type", `_UNKNOWN`, and
# `_PENDING` while the fixpoint has not reached a binding yet.
_UNKNOWN = UNKNOWN
_OPEN = 'open'
_PENDING = 'pending'

_CONSTANT_TAGS: dict[type, str] = {
    str: 'str',
    bytes: 'bytes',
    int: 'int',
    float: 'float',
    complex: 'complex',
    bool: 'bool',
    type(None): 'none',
    type(...): 'ellipsis',
}
_DISPLAY_TAGS: dict[type, str] = {
    ast.List: 'list',
    ast.ListComp: 'list',
    ast.Tuple: 'tuple',
    ast.Dict: 'dict',
    ast.DictComp: 'dict',
    ast.Set: 'set',
    ast.SetComp: 'set',
}

# Methods of exact builtin values whose result is exact builtin data (the size-checked wrappers of
# `join`, `replace`, ... return what CPython's method returns).
_STR_TO_STR = frozenset(
    'upper lower strip lstrip rstrip title capitalize casefold swapcase join removeprefix removesuffix '
    'replace center ljust rjust zfill expandtabs format format_map'.split()
)
_STR_TO_BOOL = frozenset(
    'startswith endswith isdigit isalpha isspace isalnum isupper islower isidentifier isnumeric '
    'isdecimal istitle isascii isprintable'.split()
)
_METHOD_RESULTS: dict[str, dict[str, str]] = {
    'str': {
        **dict.fromkeys(_STR_TO_STR, 'str'),
        **dict.fromkeys(_STR_TO_BOOL, 'bool'),
        **dict.fromkeys(('split', 'rsplit', 'splitlines'), 'list'),
        **dict.fromkeys(('partition', 'rpartition'), 'tuple'),
        **dict.fromkeys(('find', 'rfind', 'index', 'rindex', 'count'), 'int'),
        'encode': 'bytes',
    },
    'bytes': {'decode': 'str'},
    'list': {'copy': 'list', 'index': 'int', 'count': 'int'},
    'dict': {'copy': 'dict', 'keys': _OPEN, 'values': _OPEN, 'items': _OPEN},
}
_PLAIN_TEXT = frozenset({'str', 'int', 'float', 'bool'})
# `a + b` of two exact values of these types is an exact value of the same type.
_CONCATENABLE = frozenset({'str', 'bytes', 'list', 'tuple'})


class OpenFacts(ScopeWalk):
    """The receivers of attribute reads proven open; see the module docstring."""

    def __init__(self, tree: ast.Module, *, shared_globals: bool, builtin_names: frozenset[str]) -> None:
        self._shared_globals = shared_globals
        self._builtins = builtin_names
        super().__init__(tree)
        self._values: dict[Key, str] = {}
        self._bindings: dict[Key, list[tuple[Any, Scope]]] = {}
        self._solve()
        self.open: dict[int, ast.expr] = {}  # id(receiver node) -> the node (kept alive: ids stay unique)
        for node, scope, _loops in self._receivers:
            if self._eval(node, scope) not in (_UNKNOWN, _PENDING):
                self.open[id(node)] = node
        self.flags = Flags(self)

    def method_self(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> Key | None:
        """The variable of a method's `self` if nothing but the call binds it (no assignment, `for`,
        `with`, `except`, `import`, `match` capture, nested `def`/`class`, `:=` or `nonlocal` store)."""
        scope = self._function_scopes.get(id(function))
        if scope is None or scope.parent is None or scope.parent.kind != 'class':
            return None
        name = method_self(function)
        if name is None:
            return None
        name = mangled(scope, name)
        if name in scope.declared_global or name in scope.declared_nonlocal:
            return None
        key: Key = (scope, name)
        bindings = [
            b for s in self._scopes for b in s.bindings if b[0] == name and self._store_key(s, name) == key
        ]
        return key if len(bindings) == 1 else None

    def plain_locals(self, function: ast.AST) -> frozenset[str]:
        """The function's local names that only ever hold a str, int, float or bool (every binding
        of them, in the tree as written, binds one)."""
        scope = self._function_scopes.get(id(function))
        if scope is None:
            return frozenset()
        return frozenset(
            key[1] for key, value in self._values.items() if key[0] is scope and value in _PLAIN_TEXT
        )

    def refers_to(self, name: ast.expr, key: Key | None) -> bool:
        """Whether `name` (a Name an attribute is read from or stored on) is the variable `key`."""
        entry = self._objects.get(id(name))
        return key is not None and entry is not None and entry[0] is name and entry[1] == key

    def is_open(self, receiver: ast.expr) -> bool:
        """Whether `receiver` (a node of the analysed tree) always holds an open object."""
        return self.open.get(id(receiver)) is receiver

    # -- solving ---------------------------------------------------------------------------------
    def _solve(self) -> None:
        for scope in self._scopes:
            for name, value, _site, _loops in scope.bindings:
                key = self._store_key(scope, name)
                if key is not None:
                    self._bindings.setdefault(key, []).append((value, scope))
        for key in self._bindings:
            self._values[key] = _PENDING
        changed = True
        while changed:
            changed = False
            for key, bindings in self._bindings.items():
                if self._values[key] == _UNKNOWN:
                    continue
                new = self._initial(key)
                for value, scope in bindings:
                    new = _join(new, self._binding_value(value, scope, key))
                    if new == _UNKNOWN:
                        break
                if new != self._values[key]:
                    self._values[key] = new
                    changed = True

    def _initial(self, key: Key) -> str:
        if key[0] == 'global' and (self._shared_globals or key[1] in self._builtins):
            return _UNKNOWN  # earlier snippets' values, or the builtin before the program's binding
        return _PENDING

    def _binding_value(self, value: Any, scope: Scope, key: Key) -> str:
        if value == _UNKNOWN:
            return _UNKNOWN
        if isinstance(value, tuple):
            kind = value[0]
            if kind == 'module':
                return _OPEN
            if kind == 'range':
                # (`range` could be anything a REPL's earlier snippet bound)
                rebound = self._shared_globals or 'range' in self._rebound()
                return _UNKNOWN if rebound else 'int'
            if kind == 'item':
                # An item of the fresh list `s.split(...)` makes: a str when `s` is one (`s` read
                # where the split runs: a comprehension's first iterable runs outside it).
                where = value[2] if len(value) > 2 else scope
                receiver = self._eval(value[1].func.value, where)
                return receiver if receiver in ('str', _PENDING) else _UNKNOWN
            if kind == 'aug':
                node: ast.AugAssign = value[1]
                current = self._values.get(key, _UNKNOWN)
                if isinstance(node.op, ast.Add) and current in ('list', _PENDING):
                    return current  # `list += x` extends in place (or raises)
                return _UNKNOWN
            return _UNKNOWN
        return self._eval(value, scope)

    def _rebound(self) -> set[str]:
        cached = getattr(self, '_rebound_names', None)
        if cached is None:
            cached = {binding[0] for scope in self._scopes for binding in scope.bindings}
            self._rebound_names = cached
        return cached

    def _variable(self, scope: Scope, name: str) -> str:
        key = self._load_key(scope, name)
        if key is None:
            return _UNKNOWN
        value = self._values.get(key)
        if value is None:
            # Nothing binds it: a global is an input (plain data) or a host function handle, whose
            # names never start with `_` (`Monty` refuses them).
            name = key[1]
            if key[0] == 'global' and not self._shared_globals and name not in self._builtins:
                return _UNKNOWN if name.startswith('_') else _OPEN
            return _UNKNOWN
        return value

    def _eval(self, node: Any, scope: Scope) -> str:
        t = type(node)
        if t is ast.Constant:
            return _CONSTANT_TAGS.get(type(node.value), _UNKNOWN)
        tag = _DISPLAY_TAGS.get(t)
        if tag is not None:
            return tag
        if t is ast.Name:
            return self._variable(scope, node.id)
        if t is ast.JoinedStr:
            # One field alone is whatever its `__format__` returned (a str subclass, maybe).
            if len(node.values) == 1 and type(node.values[0]) is ast.FormattedValue:
                return _UNKNOWN
            return 'str'
        if t is ast.Call and type(node.func) is ast.Attribute:
            receiver = self._eval(node.func.value, scope)
            if receiver == _PENDING:
                return _PENDING
            return _METHOD_RESULTS.get(receiver, {}).get(node.func.attr, _UNKNOWN)
        if t is ast.BinOp and type(node.op) is ast.Add:
            left, right = self._eval(node.left, scope), self._eval(node.right, scope)
            if _PENDING in (left, right):
                return _PENDING if {left, right} <= _CONCATENABLE | {_PENDING} else _UNKNOWN
            return left if left == right and left in _CONCATENABLE else _UNKNOWN
        if t is ast.IfExp:
            return _join(self._eval(node.body, scope), self._eval(node.orelse, scope))
        if t is ast.BoolOp:
            out = _PENDING
            for v in node.values:
                out = _join(out, self._eval(v, scope))
            return out
        if t is ast.NamedExpr:
            return self._eval(node.value, scope)
        return _UNKNOWN


class Flags:
    """Per-variable flags: for a variable read as a receiver more than once, or inside a loop that
    does not rebind it, the type test is made once where the variable is bound
    (`_m_oN = _m_type(x) in _m_open_types`, after each binding) and the reads test the flag:
    `x.a if _m_oN else _m_getattr(x, 'a')` (a local load instead of a call and a set lookup).

    Only variables every binding of which is a statement of the variable's own function (or of the
    module, unless globals are shared with code compiled separately) get one: a binding by `:=`, a
    comprehension, a `match` capture, `global`/`nonlocal` in another scope or a lambda's parameter
    has no place for the update. Each flag starts False in its scope, so a read before any binding
    goes through the guard, which raises CPython's `NameError`/`UnboundLocalError`.
    """

    def __init__(self, facts: OpenFacts) -> None:
        self.receivers: dict[int, tuple[ast.expr, str]] = {}  # id(Name) -> (node, flag)
        # id(statement) -> (statement, [(flag, name)]): updates after it, or at the start of its body
        self.after: dict[int, tuple[ast.AST, list[tuple[str, str]]]] = {}
        self.body_start: dict[int, tuple[ast.AST, list[tuple[str, str]]]] = {}
        # id(function) (or 0, the module) -> [(flag, parameter name or None)]: set on entry
        self.entry: dict[int, list[tuple[str, str | None]]] = {}
        self._entry_nodes: list[ast.AST] = []
        uses: dict[Key, list[tuple[ast.Name, tuple[int, ...]]]] = {}
        for node, scope, loops in facts._receivers:
            if type(node) is ast.Name and not facts.is_open(node):
                key = facts._load_key(scope, node.id)
                if key is not None:
                    uses.setdefault(key, []).append((node, loops))
        count = 0
        for key, reads in uses.items():
            sites = self._sites(facts, key)
            if sites is None or not self._worth_it(reads, sites):
                continue
            count += 1
            flag = f'{FLAG}{count}'
            for node, _loops in reads:
                self.receivers[id(node)] = (node, flag)
            self._place(key, flag, sites)

    @staticmethod
    def _sites(facts: OpenFacts, key: Key) -> list[tuple[tuple[str, ast.AST], tuple[int, ...]]] | None:
        """Where the variable is bound, if every binding can be followed by a flag update."""
        if key[0] == 'global':
            if facts._shared_globals:
                return None
            home = facts._module
        else:
            home = key[0]
            if home.kind != 'function' or type(home.node) is ast.Lambda:
                return None
            if facts.method_self(cast(ast.FunctionDef, home.node)) == key:
                return None  # a method's `self`: its reads test `_m_self`, set once per call (rewrite.py)
        sites = []
        for scope in facts._scopes:
            for name, _value, site, loops in scope.bindings:
                if name != key[1] or facts._store_key(scope, name) != key:
                    continue
                if site is None or scope is not home:
                    return None
                sites.append((site, loops))
        return sites

    @staticmethod
    def _worth_it(
        reads: list[tuple[ast.Name, tuple[int, ...]]],
        sites: list[tuple[tuple[str, ast.AST], tuple[int, ...]]],
    ) -> bool:
        if len(reads) >= 2:
            return True
        bound_in = {loop for _site, loops in sites for loop in loops}
        return any(loop not in bound_in for _node, loops in reads for loop in loops)

    def _place(self, key: Key, flag: str, sites: list[tuple[tuple[str, ast.AST], tuple[int, ...]]]) -> None:
        home = key[0]
        entry_id = 0 if home == 'global' else id(home.node)
        if home != 'global':
            self._entry_nodes.append(home.node)
        param: str | None = None
        for (kind, node), _loops in sites:
            if kind == 'entry':
                param = key[1]
                continue
            table = self.after if kind == 'after' else self.body_start
            updates = table.setdefault(id(node), (node, []))[1]
            if (flag, key[1]) not in updates:
                updates.append((flag, key[1]))
        self.entry.setdefault(entry_id, []).append((flag, param))


def _join(a: str, b: str) -> str:
    if a == _PENDING:
        return b
    if b == _PENDING or a == b:
        return a
    if _UNKNOWN in (a, b):
        return _UNKNOWN
    return _OPEN  # two different open types


def iter_receivers(facts: OpenFacts) -> Iterator[ast.expr]:
    """The receivers proven open (for tests)."""
    yield from facts.open.values()
