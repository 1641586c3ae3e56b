"""Which attribute receivers are known, before the program runs, to hold an object of an *open* type.

An open type (runtime/plain_reads.py `open_types`, a sandbox module, a class the run made) is one whose
plain attribute reads give what the guard would: for such a receiver the rewrite keeps `x.name` as
plain bytecode; any other receiver is tested when the code runs (`x.name if _m_type(x) in _m_open_types
else _m_getattr(x, 'name')`, rewrite.py). This pass only saves tests: a receiver it cannot prove is tested.

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
from .astutil import OPERATOR_LEAVES, child_fields, method_self

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
_PLAIN_TEXT = frozenset({'str', 'int', 'float', 'bool'})
# `a + b` of two exact values of these types is an exact value of the same type.
_CONCATENABLE = frozenset({'str', 'bytes', 'list', 'tuple'})

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Scope:
    __slots__ = (
        'bindings',
        'declared_global',
        'declared_nonlocal',
        'kind',
        'locals',
        'mangle',
        'node',
        'parent',
    )

    def __init__(self, kind: str, parent: _Scope | None, mangle: str | None = None) -> None:
        self.kind = kind  # 'module' | 'function' | 'class' | 'comprehension'
        self.parent = parent
        # The class whose name private names (`__x`) are mangled with here, as CPython does
        # (`_C__x` in class `C` and the functions inside it): the analysis must see the same variables.
        self.mangle = mangle if mangle is not None else (parent.mangle if parent is not None else None)
        self.node: ast.AST | None = None  # the function, lambda or class
        # (name, what it binds, where a flag update can follow, the loops around the binding)
        self.bindings: list[tuple[str, Any, tuple[str, ast.AST] | None, tuple[int, ...]]] = []
        self.locals: set[str] = set()
        self.declared_global: set[str] = set()
        self.declared_nonlocal: set[str] = set()


_Key = tuple[Any, str]  # (scope, name) of a variable; ('global', name) for module-level names


class OpenFacts:
    """The receivers of attribute reads proven open; see the module docstring."""

    def __init__(self, tree: ast.Module, *, shared_globals: bool, builtin_names: frozenset[str]) -> None:
        self._shared_globals = shared_globals
        self._builtins = builtin_names
        self._receivers: list[tuple[ast.expr, _Scope, tuple[int, ...]]] = []
        # id(Name) -> (the Name, its variable) for the names attributes are read from or stored on
        self._objects: dict[int, tuple[ast.Name, _Key | None]] = {}
        self._function_scopes: dict[int, _Scope] = {}
        self._site: tuple[str, ast.AST] | None = None
        self._loops: tuple[int, ...] = ()  # the loops around the current node, in its function
        self._module = _Scope('module', None)
        self._scopes: list[_Scope] = [self._module]
        self._walk_body(tree.body, self._module)
        self._values: dict[_Key, str] = {}
        self._bindings: dict[_Key, list[tuple[Any, _Scope]]] = {}
        self._solve()
        self.open: dict[int, ast.expr] = {}  # id(receiver node) -> the node (kept alive: ids stay unique)
        for node, scope, _loops in self._receivers:
            if self._eval(node, scope) not in (_UNKNOWN, _PENDING):
                self.open[id(node)] = node
        self.flags = Flags(self)

    def method_self(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> _Key | None:
        """The variable of a method's `self` if nothing but the call binds it (no assignment, `for`,
        `with`, `except`, `import`, `match` capture, nested `def`/`class`, `:=` or `nonlocal` store)."""
        scope = self._function_scopes.get(id(function))
        if scope is None or scope.parent is None or scope.parent.kind != 'class':
            return None
        name = method_self(function)
        if name is None:
            return None
        name = _mangled(scope, name)
        if name in scope.declared_global or name in scope.declared_nonlocal:
            return None
        key: _Key = (scope, name)
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

    def refers_to(self, name: ast.expr, key: _Key | None) -> bool:
        """Whether `name` (a Name an attribute is read from or stored on) is the variable `key`."""
        entry = self._objects.get(id(name))
        return key is not None and entry is not None and entry[0] is name and entry[1] == key

    def is_open(self, receiver: ast.expr) -> bool:
        """Whether `receiver` (a node of the analysed tree) always holds an open object."""
        return self.open.get(id(receiver)) is receiver

    # -- collecting scopes and bindings ----------------------------------------------------------
    def _walk_body(self, body: list[Any], scope: _Scope) -> None:
        for node in body:
            self._walk(node, scope)

    def _bind(self, scope: _Scope, name: str, value: Any) -> None:
        name = _mangled(scope, name)
        scope.bindings.append((name, value, self._site, self._loops))
        scope.locals.add(name)

    def _at(self, site: tuple[str, ast.AST] | None) -> None:
        """Where a flag update can follow the bindings about to be recorded (see `Flags`)."""
        self._site = site

    def _bind_target(self, scope: _Scope, target: ast.AST, value: Any) -> None:
        """A store target: a bare name gets `value`, names inside unpacking get nothing provable, and
        `a[i].b = ...` binds nothing but evaluates `a[i]`."""
        t = type(target)
        if t is ast.Name:
            self._bind(scope, cast(ast.Name, target).id, value)
        elif t is ast.Tuple or t is ast.List:
            for elt in cast(ast.Tuple, target).elts:
                self._bind_target(scope, elt, _UNKNOWN)
        elif t is ast.Starred:
            self._bind_target(scope, cast(ast.Starred, target).value, _UNKNOWN)
        elif t is ast.Attribute or t is ast.Subscript:
            if t is ast.Attribute:
                self._object(cast(ast.Attribute, target).value, scope)
            self._walk(cast(ast.Attribute, target).value, scope)
            if t is ast.Subscript:
                self._walk(cast(ast.Subscript, target).slice, scope)

    def _function_scope(self, node: Any, scope: _Scope, kind: str) -> _Scope:
        inner = _Scope(kind, scope, node.name if kind == 'class' else None)
        inner.node = node
        self._scopes.append(inner)
        self._function_scopes[id(node)] = inner
        if kind != 'class':
            args = node.args
            self._at(('entry', node))
            for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if a is not None:
                    self._bind(inner, a.arg, _UNKNOWN)
            self._at(None)
        return inner

    def _walk_scope_body(self, body: Any, scope: _Scope) -> None:
        """A function's or class's body: loops around the definition are not loops around it."""
        saved, self._loops = self._loops, ()
        if isinstance(body, list):
            self._walk_body(body, scope)
        else:
            self._walk(body, scope)
        self._loops = saved

    def _walk_loop_body(self, loop: ast.AST, body: list[Any], scope: _Scope) -> None:
        saved, self._loops = self._loops, (*self._loops, id(loop))
        self._walk_body(body, scope)
        self._loops = saved

    def _walk(self, node: Any, scope: _Scope) -> None:
        handler = _WALKERS.get(type(node))
        if handler is not None:
            handler(self, node, scope)
        elif type(node) not in OPERATOR_LEAVES:
            self._walk_fields(node, scope)

    def _walk_fields(self, node: ast.AST, scope: _Scope) -> None:
        walk = self._walk
        for field in child_fields(type(node)):
            value = getattr(node, field, None)
            if type(value) is list:
                for item in value:
                    t = type(item)
                    if t is ast.Constant or (t is ast.Name and type(item.ctx) is ast.Load):
                        continue  # (most leaves: nothing to record)
                    if isinstance(item, ast.AST):
                        walk(item, scope)
            elif isinstance(value, ast.AST):
                t = type(value)
                if t is ast.Constant or (t is ast.Name and type(cast(ast.Name, value).ctx) is ast.Load):
                    continue
                walk(value, scope)

    # -- one walker per node type that binds, opens a scope or reads an attribute ---------------------
    def _w_function(self, node: Any, scope: _Scope) -> None:
        for d in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if d is not None:
                self._walk(d, scope)
        self._at(('after', node))
        self._bind(scope, node.name, _UNKNOWN)
        self._at(None)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'function'))

    def _w_lambda(self, node: ast.Lambda, scope: _Scope) -> None:
        for d in [*node.args.defaults, *node.args.kw_defaults]:
            if d is not None:
                self._walk(d, scope)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'function'))

    def _w_class(self, node: ast.ClassDef, scope: _Scope) -> None:
        for d in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self._walk(d, scope)
        self._at(('after', node))
        self._bind(scope, node.name, _UNKNOWN)
        self._at(None)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'class'))

    def _w_global(self, node: ast.Global, scope: _Scope) -> None:
        scope.declared_global.update(_mangled(scope, n) for n in node.names)

    def _w_nonlocal(self, node: ast.Nonlocal, scope: _Scope) -> None:
        scope.declared_nonlocal.update(_mangled(scope, n) for n in node.names)

    def _w_assign(self, node: ast.Assign, scope: _Scope) -> None:
        self._walk(node.value, scope)
        # A flag update follows the statement, so every store in it must be one that cannot raise
        # (a name): `x = obj.attr = v` could fail after storing `x`, leaving its flag stale.
        self._at(('after', node) if all(_pure(t) for t in node.targets) else None)
        for target in node.targets:
            if _plain_unpacking(target) and _splits(node.value):
                for elt in cast(ast.Tuple, target).elts:  # `k, v = s.split('=')`: a fresh list's items
                    self._bind(scope, cast(ast.Name, elt).id, ('item', node.value))
                continue
            self._bind_target(scope, target, node.value)
        self._at(None)

    def _w_annassign(self, node: ast.AnnAssign, scope: _Scope) -> None:
        if node.value is not None:
            self._walk(node.value, scope)
            self._at(('after', node) if _pure(node.target) else None)
            self._bind_target(scope, node.target, node.value)
            self._at(None)
        elif isinstance(node.target, ast.Name):
            scope.locals.add(_mangled(scope, node.target.id))

    def _w_augassign(self, node: ast.AugAssign, scope: _Scope) -> None:
        self._walk(node.value, scope)
        if isinstance(node.target, ast.Name):
            self._at(('after', node))
            self._bind(scope, node.target.id, ('aug', node))
            self._at(None)
        else:
            self._bind_target(scope, node.target, _UNKNOWN)

    def _w_namedexpr(self, node: ast.NamedExpr, scope: _Scope) -> None:
        self._walk(node.value, scope)
        owner = scope
        while owner.kind == 'comprehension' and owner.parent is not None:
            owner = owner.parent  # `:=` in a comprehension binds in the enclosing scope
        saved, self._site = self._site, None  # (in the middle of an expression: no place for a flag)
        self._bind(owner, node.target.id, node.value)
        self._site = saved

    def _w_for(self, node: Any, scope: _Scope) -> None:
        self._walk(node.iter, scope)
        saved, self._loops = self._loops, (*self._loops, id(node))
        self._at(('body', node) if _pure(node.target) else None)
        if isinstance(node.target, ast.Name) and _is_range_call(node.iter):
            self._bind(scope, node.target.id, ('range',))
        elif isinstance(node.target, ast.Name) and _splits(node.iter):
            self._bind(scope, node.target.id, ('item', node.iter))
        else:
            self._bind_target(scope, node.target, _UNKNOWN)
        self._at(None)
        self._walk_body(node.body, scope)
        self._loops = saved
        self._walk_body(node.orelse, scope)

    def _w_while(self, node: ast.While, scope: _Scope) -> None:
        self._walk_loop_body(node, [node.test, *node.body], scope)
        self._walk_body(node.orelse, scope)

    def _w_with(self, node: Any, scope: _Scope) -> None:
        # The flags are updated where the body starts: with several items, a later item's
        # `__enter__` runs (and may raise) after an earlier item's target is bound.
        single = len(node.items) == 1
        for item in node.items:
            self._walk(item.context_expr, scope)
            if item.optional_vars is not None:
                self._at(('body', node) if single and _pure(item.optional_vars) else None)
                self._bind_target(scope, item.optional_vars, _UNKNOWN)
                self._at(None)
        self._walk_body(node.body, scope)

    def _w_handler(self, node: ast.ExceptHandler, scope: _Scope) -> None:
        if node.type is not None:
            self._walk(node.type, scope)
        if node.name:
            self._at(('body', node))
            self._bind(scope, node.name, _UNKNOWN)
            self._at(None)
        self._walk_body(node.body, scope)

    def _w_import(self, node: Any, scope: _Scope) -> None:
        self._at(('after', node))
        for alias in node.names:
            if isinstance(node, ast.Import):
                self._bind(scope, alias.asname or alias.name.partition('.')[0], ('module',))
            else:
                self._bind(scope, alias.asname or alias.name, _UNKNOWN)
        self._at(None)

    def _w_capture(self, node: Any, scope: _Scope) -> None:
        name = node.rest if isinstance(node, ast.MatchMapping) else node.name
        if name:
            self._bind(scope, name, _UNKNOWN)
        self._walk_fields(node, scope)

    def _w_name(self, node: ast.Name, scope: _Scope) -> None:
        if isinstance(node.ctx, ast.Store):
            self._bind(scope, node.id, _UNKNOWN)  # a store form not handled above
        elif isinstance(node.ctx, ast.Del):
            scope.locals.add(_mangled(scope, node.id))

    def _w_attribute(self, node: ast.Attribute, scope: _Scope) -> None:
        if isinstance(node.ctx, ast.Load):
            self._receivers.append((node.value, scope, self._loops))
        self._object(node.value, scope)
        self._walk(node.value, scope)

    def _object(self, value: ast.expr, scope: _Scope) -> None:
        if type(value) is ast.Name:
            self._objects[id(value)] = (
                value,
                self._load_key(scope, value.id),
            )

    def _walk_comprehension(self, node: Any, scope: _Scope) -> None:
        inner = _Scope('comprehension', scope)
        self._scopes.append(inner)
        self._walk(node.generators[0].iter, scope)  # the first iterable runs outside, once
        saved, self._loops = self._loops, (*self._loops, id(node))
        self._walk_comprehension_parts(node, scope, inner)
        self._loops = saved

    def _walk_comprehension_parts(self, node: Any, scope: _Scope, inner: _Scope) -> None:
        for i, gen in enumerate(node.generators):
            if i:
                self._walk(gen.iter, inner)
            if isinstance(gen.target, ast.Name) and _splits(gen.iter):
                self._bind(inner, gen.target.id, ('item', gen.iter, inner if i else scope))
            else:
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
        name = _mangled(scope, name)
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

    def _variable(self, scope: _Scope, name: str) -> str:
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


_WALKERS: dict[type, Any] = {
    ast.FunctionDef: OpenFacts._w_function,
    ast.AsyncFunctionDef: OpenFacts._w_function,
    ast.Lambda: OpenFacts._w_lambda,
    ast.ClassDef: OpenFacts._w_class,
    **dict.fromkeys(_COMPREHENSIONS, OpenFacts._walk_comprehension),
    ast.Global: OpenFacts._w_global,
    ast.Nonlocal: OpenFacts._w_nonlocal,
    ast.Assign: OpenFacts._w_assign,
    ast.AnnAssign: OpenFacts._w_annassign,
    ast.AugAssign: OpenFacts._w_augassign,
    ast.NamedExpr: OpenFacts._w_namedexpr,
    ast.For: OpenFacts._w_for,
    ast.AsyncFor: OpenFacts._w_for,
    ast.While: OpenFacts._w_while,
    ast.With: OpenFacts._w_with,
    ast.AsyncWith: OpenFacts._w_with,
    ast.ExceptHandler: OpenFacts._w_handler,
    ast.Import: OpenFacts._w_import,
    ast.ImportFrom: OpenFacts._w_import,
    ast.MatchAs: OpenFacts._w_capture,
    ast.MatchStar: OpenFacts._w_capture,
    ast.MatchMapping: OpenFacts._w_capture,
    ast.Name: OpenFacts._w_name,
    ast.Attribute: OpenFacts._w_attribute,
}


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
        uses: dict[_Key, list[tuple[ast.Name, tuple[int, ...]]]] = {}
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
    def _sites(facts: OpenFacts, key: _Key) -> list[tuple[tuple[str, ast.AST], tuple[int, ...]]] | None:
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

    def _place(self, key: _Key, flag: str, sites: list[tuple[tuple[str, ast.AST], tuple[int, ...]]]) -> None:
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


_SPLITS = frozenset({'split', 'rsplit', 'splitlines'})


def _splits(node: ast.expr) -> bool:
    """`<expr>.split(...)` (or `rsplit`, `splitlines`): a new list, of str items when `<expr>` is a str."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SPLITS


def _mangled(scope: _Scope, name: str) -> str:
    """`name` as CPython compiles it in `scope`: `__x` inside class `C` (and its functions) is `_C__x`."""
    klass = scope.mangle
    if klass is None or not name.startswith('__') or name.endswith('__') or '.' in name:
        return name
    stripped = klass.lstrip('_')
    return f'_{stripped}{name}' if stripped else name


def _pure(target: ast.expr) -> bool:
    """A store target made of names only (storing to a name cannot raise)."""
    t = type(target)
    if t is ast.Name:
        return True
    if t is ast.Tuple or t is ast.List:
        return all(_pure(e) for e in cast(ast.Tuple, target).elts)
    if t is ast.Starred:
        return _pure(cast(ast.Starred, target).value)
    return False


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
