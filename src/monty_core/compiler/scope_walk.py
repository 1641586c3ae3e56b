"""The scopes and bindings of a module as the open-type analysis (opentypes.py) sees them: one walk
over the tree records every scope, every binding of every variable (with what it binds, where a flag
update could follow it, and the loops around it) and every attribute receiver.

Names resolve as CPython resolves them (`_store_key` / `_load_key`): private names mangled in
classes, `global`/`nonlocal` declarations, class scopes skipped by the functions inside them.
"""

from __future__ import annotations

import ast
from typing import Any, cast

from .astutil import OPERATOR_LEAVES, child_fields

UNKNOWN = 'unknown'  # the abstract value of a binding nothing is known about (see opentypes.py)

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class Scope:
    """One scope of the module: its kind, bindings, locals and `global`/`nonlocal` declarations."""

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

    def __init__(self, kind: str, parent: Scope | None, mangle: str | None = None) -> None:
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


Key = tuple[Any, str]  # (scope, name) of a variable; ('global', name) for module-level names


class ScopeWalk:
    """Collects the scopes and bindings of `tree` (the first half of `opentypes.OpenFacts`)."""

    def __init__(self, tree: ast.Module) -> None:
        self._receivers: list[tuple[ast.expr, Scope, tuple[int, ...]]] = []
        # id(Name) -> (the Name, its variable) for the names attributes are read from or stored on
        self._objects: dict[int, tuple[ast.Name, Key | None]] = {}
        self._function_scopes: dict[int, Scope] = {}
        self._site: tuple[str, ast.AST] | None = None
        self._loops: tuple[int, ...] = ()  # the loops around the current node, in its function
        self._module = Scope('module', None)
        self._scopes: list[Scope] = [self._module]
        self._walk_body(tree.body, self._module)

    def _walk_body(self, body: list[Any], scope: Scope) -> None:
        for node in body:
            self._walk(node, scope)

    def _bind(self, scope: Scope, name: str, value: Any) -> None:
        name = mangled(scope, name)
        scope.bindings.append((name, value, self._site, self._loops))
        scope.locals.add(name)

    def _at(self, site: tuple[str, ast.AST] | None) -> None:
        """Where a flag update can follow the bindings about to be recorded (see `opentypes.Flags`)."""
        self._site = site

    def _bind_target(self, scope: Scope, target: ast.AST, value: Any) -> None:
        """A store target: a bare name gets `value`, names inside unpacking get nothing provable, and
        `a[i].b = ...` binds nothing but evaluates `a[i]`."""
        t = type(target)
        if t is ast.Name:
            self._bind(scope, cast(ast.Name, target).id, value)
        elif t is ast.Tuple or t is ast.List:
            for elt in cast(ast.Tuple, target).elts:
                self._bind_target(scope, elt, UNKNOWN)
        elif t is ast.Starred:
            self._bind_target(scope, cast(ast.Starred, target).value, UNKNOWN)
        elif t is ast.Attribute or t is ast.Subscript:
            if t is ast.Attribute:
                self._object(cast(ast.Attribute, target).value, scope)
            self._walk(cast(ast.Attribute, target).value, scope)
            if t is ast.Subscript:
                self._walk(cast(ast.Subscript, target).slice, scope)

    def _function_scope(self, node: Any, scope: Scope, kind: str) -> Scope:
        inner = Scope(kind, scope, node.name if kind == 'class' else None)
        inner.node = node
        self._scopes.append(inner)
        self._function_scopes[id(node)] = inner
        if kind != 'class':
            args = node.args
            self._at(('entry', node))
            for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if a is not None:
                    self._bind(inner, a.arg, UNKNOWN)
            self._at(None)
        return inner

    def _walk_scope_body(self, body: Any, scope: Scope) -> None:
        """A function's or class's body: loops around the definition are not loops around it."""
        saved, self._loops = self._loops, ()
        if isinstance(body, list):
            self._walk_body(body, scope)
        else:
            self._walk(body, scope)
        self._loops = saved

    def _walk_loop_body(self, loop: ast.AST, body: list[Any], scope: Scope) -> None:
        saved, self._loops = self._loops, (*self._loops, id(loop))
        self._walk_body(body, scope)
        self._loops = saved

    def _walk(self, node: Any, scope: Scope) -> None:
        handler = _WALKERS.get(type(node))
        if handler is not None:
            handler(self, node, scope)
        elif type(node) not in OPERATOR_LEAVES:
            self._walk_fields(node, scope)

    def _walk_fields(self, node: ast.AST, scope: Scope) -> None:
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
    def _w_function(self, node: Any, scope: Scope) -> None:
        for d in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if d is not None:
                self._walk(d, scope)
        self._at(('after', node))
        self._bind(scope, node.name, UNKNOWN)
        self._at(None)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'function'))

    def _w_lambda(self, node: ast.Lambda, scope: Scope) -> None:
        for d in [*node.args.defaults, *node.args.kw_defaults]:
            if d is not None:
                self._walk(d, scope)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'function'))

    def _w_class(self, node: ast.ClassDef, scope: Scope) -> None:
        for d in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self._walk(d, scope)
        self._at(('after', node))
        self._bind(scope, node.name, UNKNOWN)
        self._at(None)
        self._walk_scope_body(node.body, self._function_scope(node, scope, 'class'))

    def _w_global(self, node: ast.Global, scope: Scope) -> None:
        scope.declared_global.update(mangled(scope, n) for n in node.names)

    def _w_nonlocal(self, node: ast.Nonlocal, scope: Scope) -> None:
        scope.declared_nonlocal.update(mangled(scope, n) for n in node.names)

    def _w_assign(self, node: ast.Assign, scope: Scope) -> None:
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

    def _w_annassign(self, node: ast.AnnAssign, scope: Scope) -> None:
        if node.value is not None:
            self._walk(node.value, scope)
            self._at(('after', node) if _pure(node.target) else None)
            self._bind_target(scope, node.target, node.value)
            self._at(None)
        elif isinstance(node.target, ast.Name):
            scope.locals.add(mangled(scope, node.target.id))

    def _w_augassign(self, node: ast.AugAssign, scope: Scope) -> None:
        self._walk(node.value, scope)
        if isinstance(node.target, ast.Name):
            self._at(('after', node))
            self._bind(scope, node.target.id, ('aug', node))
            self._at(None)
        else:
            self._bind_target(scope, node.target, UNKNOWN)

    def _w_namedexpr(self, node: ast.NamedExpr, scope: Scope) -> None:
        self._walk(node.value, scope)
        owner = scope
        while owner.kind == 'comprehension' and owner.parent is not None:
            owner = owner.parent  # `:=` in a comprehension binds in the enclosing scope
        saved, self._site = self._site, None  # (in the middle of an expression: no place for a flag)
        self._bind(owner, node.target.id, node.value)
        self._site = saved

    def _w_for(self, node: Any, scope: Scope) -> None:
        self._walk(node.iter, scope)
        saved, self._loops = self._loops, (*self._loops, id(node))
        self._at(('body', node) if _pure(node.target) else None)
        if isinstance(node.target, ast.Name) and _is_range_call(node.iter):
            self._bind(scope, node.target.id, ('range',))
        elif isinstance(node.target, ast.Name) and _splits(node.iter):
            self._bind(scope, node.target.id, ('item', node.iter))
        else:
            self._bind_target(scope, node.target, UNKNOWN)
        self._at(None)
        self._walk_body(node.body, scope)
        self._loops = saved
        self._walk_body(node.orelse, scope)

    def _w_while(self, node: ast.While, scope: Scope) -> None:
        self._walk_loop_body(node, [node.test, *node.body], scope)
        self._walk_body(node.orelse, scope)

    def _w_with(self, node: Any, scope: Scope) -> None:
        # The flags are updated where the body starts: with several items, a later item's
        # `__enter__` runs (and may raise) after an earlier item's target is bound.
        single = len(node.items) == 1
        for item in node.items:
            self._walk(item.context_expr, scope)
            if item.optional_vars is not None:
                self._at(('body', node) if single and _pure(item.optional_vars) else None)
                self._bind_target(scope, item.optional_vars, UNKNOWN)
                self._at(None)
        self._walk_body(node.body, scope)

    def _w_handler(self, node: ast.ExceptHandler, scope: Scope) -> None:
        if node.type is not None:
            self._walk(node.type, scope)
        if node.name:
            self._at(('body', node))
            self._bind(scope, node.name, UNKNOWN)
            self._at(None)
        self._walk_body(node.body, scope)

    def _w_import(self, node: Any, scope: Scope) -> None:
        self._at(('after', node))
        for alias in node.names:
            if isinstance(node, ast.Import):
                self._bind(scope, alias.asname or alias.name.partition('.')[0], ('module',))
            else:
                self._bind(scope, alias.asname or alias.name, UNKNOWN)
        self._at(None)

    def _w_capture(self, node: Any, scope: Scope) -> None:
        name = node.rest if isinstance(node, ast.MatchMapping) else node.name
        if name:
            self._bind(scope, name, UNKNOWN)
        self._walk_fields(node, scope)

    def _w_name(self, node: ast.Name, scope: Scope) -> None:
        if isinstance(node.ctx, ast.Store):
            self._bind(scope, node.id, UNKNOWN)  # a store form not handled above
        elif isinstance(node.ctx, ast.Del):
            scope.locals.add(mangled(scope, node.id))

    def _w_attribute(self, node: ast.Attribute, scope: Scope) -> None:
        if isinstance(node.ctx, ast.Load):
            self._receivers.append((node.value, scope, self._loops))
        self._object(node.value, scope)
        self._walk(node.value, scope)

    def _object(self, value: ast.expr, scope: Scope) -> None:
        if type(value) is ast.Name:
            self._objects[id(value)] = (
                value,
                self._load_key(scope, value.id),
            )

    def _walk_comprehension(self, node: Any, scope: Scope) -> None:
        inner = Scope('comprehension', scope)
        self._scopes.append(inner)
        self._walk(node.generators[0].iter, scope)  # the first iterable runs outside, once
        saved, self._loops = self._loops, (*self._loops, id(node))
        self._walk_comprehension_parts(node, scope, inner)
        self._loops = saved

    def _walk_comprehension_parts(self, node: Any, scope: Scope, inner: Scope) -> None:
        for i, gen in enumerate(node.generators):
            if i:
                self._walk(gen.iter, inner)
            if isinstance(gen.target, ast.Name) and _splits(gen.iter):
                self._bind(inner, gen.target.id, ('item', gen.iter, inner if i else scope))
            else:
                self._bind_target(inner, gen.target, UNKNOWN)
            for cond in gen.ifs:
                self._walk(cond, inner)
        if isinstance(node, ast.DictComp):
            self._walk(node.key, inner)
            self._walk(node.value, inner)
        else:
            self._walk(node.elt, inner)

    # -- variables ---------------------------------------------------------------------------------
    def _store_key(self, scope: Scope, name: str) -> Key | None:
        """The variable a binding of `name` in `scope` stores to (None: not analysed)."""
        if name in scope.declared_global or scope.kind == 'module':
            return ('global', name)
        if name in scope.declared_nonlocal:
            return self._enclosing(scope.parent, name)
        if scope.kind == 'class':
            return None
        return (scope, name)

    def _enclosing(self, scope: Scope | None, name: str) -> Key | None:
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

    def _load_key(self, scope: Scope, name: str) -> Key | None:
        """The variable a load of `name` in `scope` reads (None: not analysed, e.g. a class body)."""
        name = mangled(scope, name)
        if scope.kind == 'class' and name not in scope.declared_global:
            return None  # LOAD_NAME: the class namespace first
        if scope.kind in ('function', 'comprehension') and name in scope.locals:
            if name in scope.declared_global:
                return ('global', name)
            return (scope, name)
        if name in scope.declared_global or scope.kind == 'module':
            return ('global', name)
        return self._enclosing(scope.parent, name)


_WALKERS: dict[type, Any] = {
    ast.FunctionDef: ScopeWalk._w_function,
    ast.AsyncFunctionDef: ScopeWalk._w_function,
    ast.Lambda: ScopeWalk._w_lambda,
    ast.ClassDef: ScopeWalk._w_class,
    **dict.fromkeys(_COMPREHENSIONS, ScopeWalk._walk_comprehension),
    ast.Global: ScopeWalk._w_global,
    ast.Nonlocal: ScopeWalk._w_nonlocal,
    ast.Assign: ScopeWalk._w_assign,
    ast.AnnAssign: ScopeWalk._w_annassign,
    ast.AugAssign: ScopeWalk._w_augassign,
    ast.NamedExpr: ScopeWalk._w_namedexpr,
    ast.For: ScopeWalk._w_for,
    ast.AsyncFor: ScopeWalk._w_for,
    ast.While: ScopeWalk._w_while,
    ast.With: ScopeWalk._w_with,
    ast.AsyncWith: ScopeWalk._w_with,
    ast.ExceptHandler: ScopeWalk._w_handler,
    ast.Import: ScopeWalk._w_import,
    ast.ImportFrom: ScopeWalk._w_import,
    ast.MatchAs: ScopeWalk._w_capture,
    ast.MatchStar: ScopeWalk._w_capture,
    ast.MatchMapping: ScopeWalk._w_capture,
    ast.Name: ScopeWalk._w_name,
    ast.Attribute: ScopeWalk._w_attribute,
}


_SPLITS = frozenset({'split', 'rsplit', 'splitlines'})


def _splits(node: ast.expr) -> bool:
    """`<expr>.split(...)` (or `rsplit`, `splitlines`): a new list, of str items when `<expr>` is a str."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SPLITS


def mangled(scope: Scope, name: str) -> str:
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
