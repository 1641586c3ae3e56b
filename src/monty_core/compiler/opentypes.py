"""Which attribute receivers are known, before the program runs, to hold an object of an *open* type.

An open type (runtime/guards.py `open_types`, a sandbox module, a class the run made) is one whose
plain attribute reads give what the guard would: for such a receiver the rewrite keeps `x.name` as
plain bytecode; any other receiver is tested when the code runs (`x.name if _m_rtype(x) in _m_open
else _m_ga(x, 'name')`, codegen.py). This pass only saves tests: a receiver it cannot prove is tested.

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
from typing import Any

# Abstract values: a tag for an exact builtin type, `_OPEN` for "some open type", `_UNKNOWN`, and
# `_PENDING` while the fixpoint has not reached a binding yet.
_UNKNOWN = 'unknown'
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
# `a + b` of two exact values of these types is an exact value of the same type.
_CONCATENABLE = frozenset({'str', 'bytes', 'list', 'tuple'})

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Scope:
    __slots__ = ('bindings', 'declared_global', 'declared_nonlocal', 'kind', 'locals', 'parent')

    def __init__(self, kind: str, parent: _Scope | None) -> None:
        self.kind = kind  # 'module' | 'function' | 'class' | 'comprehension'
        self.parent = parent
        self.bindings: list[tuple[str, Any]] = []  # (name, what it binds), in this scope's body
        self.locals: set[str] = set()
        self.declared_global: set[str] = set()
        self.declared_nonlocal: set[str] = set()


_Key = tuple[Any, str]  # (scope, name) of a variable; ('global', name) for module-level names


class OpenFacts:
    """The receivers of attribute reads proven open; see the module docstring."""

    def __init__(self, tree: ast.Module, *, shared_globals: bool, builtin_names: frozenset[str]) -> None:
        self._shared_globals = shared_globals
        self._builtins = builtin_names
        self._receivers: list[tuple[ast.expr, _Scope]] = []
        self._module = _Scope('module', None)
        self._scopes: list[_Scope] = [self._module]
        self._walk_body(tree.body, self._module)
        self._values: dict[_Key, str] = {}
        self._bindings: dict[_Key, list[tuple[Any, _Scope]]] = {}
        self._solve()
        self.open: dict[int, ast.expr] = {}  # id(receiver node) -> the node (kept alive: ids stay unique)
        for node, scope in self._receivers:
            if self._eval(node, scope) not in (_UNKNOWN, _PENDING):
                self.open[id(node)] = node

    def is_open(self, receiver: ast.expr) -> bool:
        """Whether `receiver` (a node of the analysed tree) always holds an open object."""
        return self.open.get(id(receiver)) is receiver

    # -- collecting scopes and bindings ----------------------------------------------------------
    def _walk_body(self, body: list[Any], scope: _Scope) -> None:
        for node in body:
            self._walk(node, scope)

    def _bind(self, scope: _Scope, name: str, value: Any) -> None:
        scope.bindings.append((name, value))
        scope.locals.add(name)

    def _bind_target(self, scope: _Scope, target: ast.AST, value: Any) -> None:
        """A store target: a bare name gets `value`; names inside unpacking get nothing provable."""
        if isinstance(target, ast.Name):
            self._bind(scope, target.id, value)
            return
        for n in ast.walk(target):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                self._bind(scope, n.id, _UNKNOWN)
        self._walk_children_of_target(target, scope)

    def _walk_children_of_target(self, target: ast.AST, scope: _Scope) -> None:
        """The expressions evaluated while storing (`a[i].b = ...`: `a`, `i`)."""
        if isinstance(target, (ast.Attribute, ast.Subscript)):
            self._walk(target.value, scope)
            if isinstance(target, ast.Subscript):
                self._walk(target.slice, scope)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._walk_children_of_target(elt, scope)
        elif isinstance(target, ast.Starred):
            self._walk_children_of_target(target.value, scope)

    def _function_scope(self, node: Any, scope: _Scope, kind: str) -> _Scope:
        inner = _Scope(kind, scope)
        self._scopes.append(inner)
        if kind != 'class':
            args = node.args
            for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if a is not None:
                    self._bind(inner, a.arg, _UNKNOWN)
        return inner

    def _walk(self, node: Any, scope: _Scope) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
                if d is not None:
                    self._walk(d, scope)
            self._bind(scope, node.name, _UNKNOWN)
            self._walk_body(node.body, self._function_scope(node, scope, 'function'))
        elif isinstance(node, ast.Lambda):
            for d in [*node.args.defaults, *node.args.kw_defaults]:
                if d is not None:
                    self._walk(d, scope)
            self._walk(node.body, self._function_scope(node, scope, 'function'))
        elif isinstance(node, ast.ClassDef):
            for d in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
                self._walk(d, scope)
            self._bind(scope, node.name, _UNKNOWN)
            self._walk_body(node.body, self._function_scope(node, scope, 'class'))
        elif isinstance(node, _COMPREHENSIONS):
            self._walk_comprehension(node, scope)
        elif isinstance(node, ast.Global):
            scope.declared_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            scope.declared_nonlocal.update(node.names)
        elif isinstance(node, ast.Assign):
            self._walk(node.value, scope)
            for target in node.targets:
                if _plain_unpacking(target) and _splits(node.value):
                    for elt in target.elts:  # `key, value = line.split('=')`: items of a fresh list
                        self._bind(scope, elt.id, ('item', node.value))
                    continue
                self._bind_target(scope, target, node.value)
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                self._walk(node.value, scope)
                self._bind_target(scope, node.target, node.value)
            elif isinstance(node.target, ast.Name):
                scope.locals.add(node.target.id)
        elif isinstance(node, ast.AugAssign):
            self._walk(node.value, scope)
            if isinstance(node.target, ast.Name):
                self._bind(scope, node.target.id, ('aug', node))
            else:
                self._walk_children_of_target(node.target, scope)
        elif isinstance(node, ast.NamedExpr):
            self._walk(node.value, scope)
            owner = scope
            while owner.kind == 'comprehension' and owner.parent is not None:
                owner = owner.parent  # `:=` in a comprehension binds in the enclosing scope
            self._bind(owner, node.target.id, node.value)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._walk(node.iter, scope)
            if isinstance(node.target, ast.Name) and _is_range_call(node.iter):
                self._bind(scope, node.target.id, ('range',))
            elif isinstance(node.target, ast.Name) and _splits(node.iter):
                self._bind(scope, node.target.id, ('item', node.iter))
            else:
                self._bind_target(scope, node.target, _UNKNOWN)
            self._walk_body(node.body, scope)
            self._walk_body(node.orelse, scope)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self._walk(item.context_expr, scope)
                if item.optional_vars is not None:
                    self._bind_target(scope, item.optional_vars, _UNKNOWN)
            self._walk_body(node.body, scope)
        elif isinstance(node, ast.ExceptHandler):
            if node.type is not None:
                self._walk(node.type, scope)
            if node.name:
                self._bind(scope, node.name, _UNKNOWN)
            self._walk_body(node.body, scope)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self._bind(scope, alias.asname or alias.name.partition('.')[0], ('module',))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                self._bind(scope, alias.asname or alias.name, _UNKNOWN)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)):
            if node.name:
                self._bind(scope, node.name, _UNKNOWN)
            self._walk_fields(node, scope)
        elif isinstance(node, ast.MatchMapping):
            if node.rest:
                self._bind(scope, node.rest, _UNKNOWN)
            self._walk_fields(node, scope)
        elif isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Store):
                self._bind(scope, node.id, _UNKNOWN)  # a store form not handled above
            elif isinstance(node.ctx, ast.Del):
                scope.locals.add(node.id)
        elif isinstance(node, ast.Attribute):
            if isinstance(node.ctx, ast.Load):
                self._receivers.append((node.value, scope))
            self._walk(node.value, scope)
        elif isinstance(node, ast.AST):
            self._walk_fields(node, scope)

    def _walk_fields(self, node: ast.AST, scope: _Scope) -> None:
        for _field, value in ast.iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self._walk(item, scope)
            elif isinstance(value, ast.AST):
                self._walk(value, scope)

    def _walk_comprehension(self, node: Any, scope: _Scope) -> None:
        inner = _Scope('comprehension', scope)
        self._scopes.append(inner)
        for i, gen in enumerate(node.generators):
            self._walk(gen.iter, scope if i == 0 else inner)  # the first iterable runs outside
            self._bind_target(inner, gen.target, _UNKNOWN)
            for cond in gen.ifs:
                self._walk(cond, inner)
        if isinstance(node, ast.DictComp):
            self._walk(node.key, inner)
            self._walk(node.value, inner)
        else:
            self._walk(node.elt, inner)

    # -- variables ---------------------------------------------------------------------------------
    def _store_key(self, scope: _Scope, name: str) -> _Key | None:
        """The variable a binding of `name` in `scope` stores to (None: not analysed)."""
        if name in scope.declared_global or scope.kind == 'module':
            return ('global', name)
        if name in scope.declared_nonlocal:
            return self._enclosing(scope.parent, name)
        if scope.kind == 'class':
            return None
        return (scope, name)

    def _enclosing(self, scope: _Scope | None, name: str) -> _Key | None:
        """The variable `name` refers to from a scope nested in `scope` (class scopes are skipped)."""
        while scope is not None:
            if scope.kind == 'class':
                scope = scope.parent
                continue
            if name in scope.declared_global or scope.kind == 'module':
                return ('global', name)
            if name in scope.declared_nonlocal:
                scope = scope.parent
                continue
            if name in scope.locals:
                return (scope, name)
            scope = scope.parent
        return ('global', name)

    def _load_key(self, scope: _Scope, name: str) -> _Key | None:
        """The variable a load of `name` in `scope` reads (None: not analysed, e.g. a class body)."""
        if scope.kind == 'class' and name not in scope.declared_global:
            return None  # LOAD_NAME: the class namespace first
        if scope.kind in ('function', 'comprehension') and name in scope.locals:
            if name in scope.declared_global:
                return ('global', name)
            return (scope, name)
        if name in scope.declared_global or scope.kind == 'module':
            return ('global', name)
        return self._enclosing(scope.parent, name)

    def _solve(self) -> None:
        for scope in self._scopes:
            for name, value in scope.bindings:
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

    def _initial(self, key: _Key) -> str:
        if key[0] == 'global' and (self._shared_globals or key[1] in self._builtins):
            return _UNKNOWN  # earlier snippets' values, or the builtin before the program's binding
        return _PENDING

    def _binding_value(self, value: Any, scope: _Scope, key: _Key) -> str:
        if value == _UNKNOWN:
            return _UNKNOWN
        if isinstance(value, tuple):
            kind = value[0]
            if kind == 'module':
                return _OPEN
            if kind == 'range':
                return 'int' if 'range' not in self._rebound() else _UNKNOWN
            if kind == 'item':
                # An item of the fresh list `s.split(...)` makes: a str when `s` is one.
                receiver = self._eval(value[1].func.value, scope)
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
            cached = {name for scope in self._scopes for name, _ in scope.bindings}
            self._rebound_names = cached
        return cached

    def _variable(self, scope: _Scope, name: str) -> str:
        key = self._load_key(scope, name)
        if key is None:
            return _UNKNOWN
        value = self._values.get(key)
        if value is None:
            # Nothing binds it: a global is an input (plain data) or a host function handle.
            if key[0] == 'global' and not self._shared_globals and name not in self._builtins:
                return _OPEN
            return _UNKNOWN
        return value

    def _eval(self, node: Any, scope: _Scope) -> str:
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


def _join(a: str, b: str) -> str:
    if a == _PENDING:
        return b
    if b == _PENDING or a == b:
        return a
    if _UNKNOWN in (a, b):
        return _UNKNOWN
    return _OPEN  # two different open types


_SPLITS = frozenset({'split', 'rsplit', 'splitlines'})


def _splits(node: ast.expr) -> bool:
    """`<expr>.split(...)` (or `rsplit`, `splitlines`): a new list, of str items when `<expr>` is a str."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SPLITS


def _plain_unpacking(target: ast.expr) -> bool:
    return isinstance(target, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Name) for e in target.elts)


def _is_range_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == 'range'
        and not node.keywords
        and not any(isinstance(a, ast.Starred) for a in node.args)
    )


def iter_receivers(facts: OpenFacts) -> Iterator[ast.expr]:
    """The receivers proven open (for tests)."""
    yield from facts.open.values()
