"""Which names and expressions are provably numbers, and which numbers are tame: the analysis the
size guard (sizeguard.py) consults before it routes an operator through a pre-check.

Flow-insensitive per scope: a name is numeric when every binding in its scope stores a numeric value
(int/float constants, `len()`/`ord()`/`int()`/`float()` of the real builtins, arithmetic of numeric
values, `for i in range(...)` / `enumerate(...)` targets); at module level a use counts only where a
binding is certain to have run, since module names may start out as inputs. A number is tame when it
cannot come from an unchecked product of two big integers (see `NumericFacts.is_tame`).
"""

from __future__ import annotations

import ast
from typing import Any

from ..hooks import FLOORDIV, ILSHIFT, IMOD, IMUL, IPOW, LSHIFT, MOD, MUL, POW
from .astutil import OPERATOR_LEAVES, child_nodes

# Nodes with nothing inside this analysis cares about (Name is not one: it reads names).
_LEAVES: frozenset[type] = OPERATOR_LEAVES
_NUMERIC_OPS = (
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.FloorDiv,
    ast.Mod,
    ast.Pow,
    ast.LShift,
    ast.RShift,
    ast.BitAnd,
    ast.BitOr,
    ast.BitXor,
)
_NUMERIC_CALLS = frozenset({'len', 'ord', 'int', 'float'})
SMALL = 2  # `x * 2`, `x ** 2`: at most doubles memory, like `x + x`
WORD = 1 << 64  # a divisor or factor this small costs linear time, whatever the other operand
# Calls the pass emits whose integer results are checked (below `MAX_INT_BITS`) or no bigger than an
# operand: tame.
_CHECKED_RESULTS = frozenset({MUL, IMUL, POW, IPOW, LSHIFT, ILSHIFT, MOD, IMOD, FLOORDIV})


def _name(id_: str) -> ast.Name:
    return ast.Name(id=id_, ctx=ast.Load())


def target_names(t: ast.AST) -> list[str]:
    """The names a binding target stores to (every `Name` inside a tuple, list or starred target)."""
    if type(t) is ast.Name:
        return [t.id]  # type: ignore[attr-defined]
    return [n.id for n in ast.walk(t) if isinstance(n, ast.Name)]


class Scope:
    """One scope of the analysis: what each name is bound to, and which names are numeric and tame."""

    __slots__ = ('bindings', 'kind', 'numeric', 'parent', 'tame', 'unknown')

    def __init__(self, kind: str, parent: Scope | None) -> None:
        self.kind = kind  # 'module', 'function', 'comp' (comprehension), 'class'
        self.parent = parent
        self.bindings: dict[str, list[Any]] = {}  # name -> value expressions stored in it
        self.unknown: set[str] = set()  # names with a binding of unknown type
        self.numeric: set[str] = set()
        self.tame: set[str] = set()  # numeric names whose every binding is tame (see `is_tame`)

    def bind(self, name: str, value: ast.expr | _Counter | None) -> None:
        """Record a binding of `name`: its value expression, a range/enumerate counter, or None
        (a value of unknown type)."""
        if value is None:
            self.unknown.add(name)
        else:
            self.bindings.setdefault(name, []).append(value)


class _Counter:
    """Stands for "an int produced by range()/enumerate()": numeric, and tame when the count starts
    from a tame value (`range(big, big + 3)` yields big integers)."""

    __slots__ = ('start',)

    def __init__(self, start: ast.expr | None) -> None:
        self.start = start


class NumericFacts:
    """Scopes, bindings and the numeric names of each scope."""

    def __init__(self, tree: ast.Module) -> None:
        self.scope_of: dict[int, Scope] = {}  # id(scope node) -> scope
        self.all_bound: set[str] = set()
        self._loop_funcs: list[tuple[Scope, str, str]] = []
        self.module = Scope('module', None)
        self.scope_of[id(tree)] = self.module
        self._collect(tree.body, self.module)
        self.pristine = frozenset(
            n for n in (*_NUMERIC_CALLS, 'range', 'enumerate') if n not in self.all_bound
        )
        self._solve(tree)

    # -- collection -------------------------------------------------------------------------------
    def _collect(self, nodes: list[Any], scope: Scope) -> None:
        for node in nodes:
            self._visit(node, scope)

    def _visit(self, node: Any, scope: Scope) -> None:
        node_type = type(node)
        if node_type in _LEAVES:
            return
        opens_scope = _SCOPE_VISITORS.get(node_type)
        if opens_scope is not None:
            opens_scope(self, node, scope)  # (visits the children itself, in their scopes)
            return
        binds = _BINDERS.get(node_type)
        if binds is not None:
            binds(self, node, scope)
        for child in child_nodes(node):  # most nodes bind nothing: only their children matter
            self._visit(child, scope)

    # -- nodes that open a scope --------------------------------------------------------------------
    def _visit_function(self, node: Any, scope: Scope) -> None:
        inner = Scope('function', scope)
        self.scope_of[id(node)] = inner
        if not isinstance(node, ast.Lambda):
            self._bind(scope, node.name, None)
            for d in node.decorator_list:
                self._visit(d, scope)
        args = node.args
        for d in [*args.defaults, *(k for k in args.kw_defaults if k is not None)]:
            self._visit(d, scope)
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                self._bind(inner, a.arg, None)
        body = node.body if isinstance(node.body, list) else [node.body]
        self._collect(body, inner)

    def _visit_class(self, node: ast.ClassDef, scope: Scope) -> None:
        self._bind(scope, node.name, None)
        for child in [*node.bases, *node.decorator_list]:
            self._visit(child, scope)
        inner = Scope('class', scope)
        self.scope_of[id(node)] = inner
        self._collect(node.body, inner)

    def _visit_comprehension(self, node: Any, scope: Scope) -> None:
        inner = Scope('comp', scope)
        self.scope_of[id(node)] = inner
        for i, gen in enumerate(node.generators):
            self._visit(gen.iter, scope if i == 0 else inner)
            self._bind_loop(inner, gen.target, gen.iter)
            for cond in gen.ifs:
                self._visit(cond, inner)
        elts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        self._collect(elts, inner)

    # -- nodes that bind names (their children are visited after) ------------------------------------
    def _bind_assign(self, node: ast.Assign, scope: Scope) -> None:
        for t in node.targets:
            self._bind_target(scope, t, node.value)

    def _bind_augassign(self, node: ast.AugAssign, scope: Scope) -> None:
        if isinstance(node.target, ast.Name):
            value = ast.BinOp(left=_name(node.target.id), op=node.op, right=node.value)
            self._bind(scope, node.target.id, value)
        else:
            self._bind_target(scope, node.target, None)

    def _bind_annassign(self, node: ast.AnnAssign, scope: Scope) -> None:
        if node.value is not None:
            self._bind_target(scope, node.target, node.value)

    def _bind_for(self, node: ast.For | ast.AsyncFor, scope: Scope) -> None:
        self._bind_loop(scope, node.target, node.iter if isinstance(node, ast.For) else None)

    def _bind_namedexpr(self, node: ast.NamedExpr, scope: Scope) -> None:
        target_scope = scope
        while target_scope.kind == 'comp' and target_scope.parent is not None:
            target_scope = target_scope.parent
        # At module level a walrus is an unknown binding (its position is not tracked).
        self._bind(target_scope, node.target.id, None if target_scope.kind == 'module' else node.value)

    def _bind_declared(self, node: ast.Global | ast.Nonlocal, scope: Scope) -> None:
        for name in node.names:
            self._bind(scope, name, None)
            owner = self.module if isinstance(node, ast.Global) else scope.parent
            while owner is not None and isinstance(node, ast.Nonlocal) and owner.kind == 'class':
                owner = owner.parent
            if owner is not None:
                self._bind(owner, name, None)

    def _bind_import(self, node: ast.Import | ast.ImportFrom, scope: Scope) -> None:
        for alias in node.names:
            self._bind(scope, (alias.asname or alias.name).split('.')[0], None)

    def _bind_name_field(self, node: Any, scope: Scope) -> None:
        """`except E as name`, `case [*name]`, `case x as name`: `name` may be None."""
        if node.name:
            self._bind(scope, node.name, None)

    def _bind_mapping_rest(self, node: ast.MatchMapping, scope: Scope) -> None:
        if node.rest:
            self._bind(scope, node.rest, None)

    def _bind_withitem(self, node: ast.withitem, scope: Scope) -> None:
        if node.optional_vars is not None:
            self._bind_target(scope, node.optional_vars, None)

    def _bind_delete(self, node: ast.Delete, scope: Scope) -> None:
        for t in node.targets:
            self._bind_target(scope, t, None)

    def _bind(self, scope: Scope, name: str, value: ast.expr | _Counter | None) -> None:
        self.all_bound.add(name)
        scope.bind(name, value)

    def _bind_target(self, scope: Scope, target: ast.AST, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self._bind(scope, target.id, value)
        else:
            for name in (
                target_names(target) if isinstance(target, (ast.Tuple, ast.List, ast.Starred)) else []
            ):
                self._bind(scope, name, None)

    def _bind_loop(self, scope: Scope, target: ast.AST, it: ast.expr | None) -> None:
        func = it.func.id if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) else None
        if isinstance(target, ast.Name) and func == 'range':
            assert isinstance(it, ast.Call)
            start = it.args[0] if len(it.args) > 1 else None
            self._bind(scope, target.id, _Counter(start))
            self._loop_funcs.append((scope, target.id, 'range'))
            return
        if isinstance(target, ast.Tuple) and func == 'enumerate' and target.elts:
            first = target.elts[0]
            if isinstance(first, ast.Name):
                assert isinstance(it, ast.Call)
                start = (
                    it.args[1]
                    if len(it.args) > 1
                    else next((k.value for k in it.keywords if k.arg == 'start'), None)
                )
                self._bind(scope, first.id, _Counter(start))
                self._loop_funcs.append((scope, first.id, 'enumerate'))
                for elt in target.elts[1:]:
                    for name in target_names(elt):
                        self._bind(scope, name, None)
                return
        for name in target_names(target):
            self._bind(scope, name, None)

    # -- solving ----------------------------------------------------------------------------------
    def _solve(self, tree: ast.Module) -> None:
        for scope, name, func in self._loop_funcs:
            if func not in self.pristine:
                scope.unknown.add(name)
        for scope in self.scope_of.values():
            if scope.kind in ('function', 'comp'):
                scope.numeric = {n for n in scope.bindings if n not in scope.unknown}
        # Greatest fixpoint: assume every candidate numeric, drop those with a non-numeric binding.
        changed = True
        while changed:
            changed = False
            for scope in self.scope_of.values():
                if scope.kind not in ('function', 'comp'):
                    continue
                for name in list(scope.numeric):
                    if not all(self.is_numeric(v, scope, None) for v in scope.bindings[name]):
                        scope.numeric.discard(name)
                        changed = True
        # Module level: a binding's value is judged where it runs (module names may be inputs).
        module = self.module
        module.numeric = {n for n in module.bindings if n not in module.unknown}
        changed = True
        while changed:
            before = set(module.numeric)
            self._module_walk(tree.body, set())
            changed = module.numeric != before
        self._solve_tame()

    def _solve_tame(self) -> None:
        """Greatest fixpoint again: the numeric names whose every binding is tame."""
        scopes = list(self.scope_of.values())
        for scope in scopes:
            scope.tame = set(scope.numeric)
        changed = True
        while changed:
            changed = False
            for scope in scopes:
                for name in list(scope.tame):
                    if not all(self.is_tame(v, scope) for v in scope.bindings[name]):
                        scope.tame.discard(name)
                        changed = True

    def _module_walk(self, stmts: list[ast.stmt], dominated: set[str]) -> None:
        for st in stmts:
            if isinstance(st, (ast.Assign, ast.AnnAssign)):
                dominated = self._module_assign(st, dominated)
            elif isinstance(st, ast.AugAssign):
                self._module_augassign(st, dominated)
            elif isinstance(st, (ast.For, ast.AsyncFor)):
                self._module_walk(st.body, dominated | set(target_names(st.target)))
                self._module_walk(st.orelse, dominated)
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            else:
                for field in ('body', 'orelse', 'finalbody', 'handlers', 'cases'):
                    for child in getattr(st, field, None) or []:
                        if isinstance(child, ast.stmt):
                            self._module_walk([child], dominated)
                        else:
                            self._module_walk(getattr(child, 'body', []), dominated)

    def _module_assign(self, st: ast.Assign | ast.AnnAssign, dominated: set[str]) -> set[str]:
        """Drop the names a module-level assignment may bind to a non-number; returns the names surely
        bound from here on."""
        module = self.module
        targets = st.targets if isinstance(st, ast.Assign) else [st.target]
        value = st.value
        for t in targets:
            if isinstance(t, ast.Name) and t.id in module.numeric:
                if value is None or not self.is_numeric(value, module, dominated):
                    module.numeric.discard(t.id)
        for t in targets:
            if isinstance(t, ast.Name):
                dominated = dominated | {t.id}
        return dominated

    def _module_augassign(self, st: ast.AugAssign, dominated: set[str]) -> None:
        module = self.module
        t = st.target
        if isinstance(t, ast.Name) and t.id in module.numeric:
            if not self.is_numeric(ast.BinOp(left=_name(t.id), op=st.op, right=st.value), module, dominated):
                module.numeric.discard(t.id)

    def lookup(self, name: str, scope: Scope, dominated: set[str] | None) -> bool:
        """Whether reading `name` in `scope` is certain to give a number."""
        s: Scope | None = scope
        first = True
        while s is not None:
            if s.kind == 'class' and not first:
                s = s.parent
                continue
            if name in s.bindings or name in s.unknown:
                if s.kind == 'module':
                    # Module names may start out as inputs: only where a binding surely ran.
                    return first and dominated is not None and name in dominated and name in s.numeric
                return s.kind in ('function', 'comp') and name in s.numeric
            first = False
            s = s.parent
        return False

    def lookup_tame(self, name: str, scope: Scope) -> bool:
        """Whether `name` read in `scope` is tame; a name bound nowhere in the program holds what the
        host passed (an input), which is tame."""
        s: Scope | None = scope
        first = True
        while s is not None:
            if s.kind == 'class' and not first:
                s = s.parent
                continue
            if name in s.bindings or name in s.unknown:
                return name in s.tame
            first = False
            s = s.parent
        return True

    def is_tame(self, e: Any, scope: Scope) -> bool:
        """Whether `e`, if an integer, cannot come from an unchecked product of two big integers.

        Integers only grow fast by `*`, `**` and `<<`; the checked forms (`_m_mul`, `_m_pow`, ...) stay
        below `MAX_INT_BITS`. A product of two tame integers is at most twice that (one squaring,
        ~0.2 s at worst): it runs unchecked, but its result is not tame, so a second squaring of it
        (`c = b * b` after `b = a * a`, or `(a * a) * (a * a)`) is checked."""
        if type(e) is _Counter:
            return e.start is None or self.is_tame(e.start, scope)
        if isinstance(e, ast.Constant):
            return True
        if isinstance(e, ast.Name):
            return self.lookup_tame(e.id, scope)
        if isinstance(e, ast.BinOp):
            return self._tame_binop(e, scope)
        if isinstance(e, ast.UnaryOp):
            return self.is_tame(e.operand, scope)
        if isinstance(e, ast.IfExp):
            return self.is_tame(e.body, scope) and self.is_tame(e.orelse, scope)
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name):
            name = e.func.id
            if name in _CHECKED_RESULTS:
                return True
            if name in self.pristine:
                if name in ('len', 'ord', 'float'):
                    return True
                if name == 'int':
                    return all(self.is_tame(a, scope) for a in e.args) and not e.keywords
        return False

    def _tame_binop(self, e: ast.BinOp, scope: Scope) -> bool:
        op, left, right = e.op, e.left, e.right
        if isinstance(op, ast.Div) or float_const(left) or float_const(right):
            return True
        if isinstance(op, ast.Mult):
            # A product by a constant of at most 64 bits grows linearly; any other product is a
            # possible squaring.
            return (small_const(left, WORD) and self.is_tame(right, scope)) or (
                small_const(right, WORD) and self.is_tame(left, scope)
            )
        if isinstance(op, ast.Pow):
            if not small_const(right):
                return True  # checked (`_m_pow`): below MAX_INT_BITS
            value = const_int(right)
            return value != 2 and (value < 0 or self.is_tame(left, scope))
        if isinstance(op, ast.LShift):
            return not small_const(right, WORD) or self.is_tame(left, scope)
        if isinstance(op, (ast.FloorDiv, ast.RShift)):
            return self.is_tame(left, scope)
        if isinstance(op, ast.Mod):
            return self.is_tame(left, scope) or self.is_tame(right, scope)
        if isinstance(op, (ast.Add, ast.Sub, ast.BitAnd, ast.BitOr, ast.BitXor)):
            return self.is_tame(left, scope) and self.is_tame(right, scope)
        return False

    def is_numeric(self, e: ast.AST, scope: Scope, dominated: set[str] | None) -> bool:
        """Whether `e` is certain to evaluate to a number (int, float or bool) in `scope`; `dominated` holds
        the module names whose binding has surely run here (None: no module name counts)."""
        if type(e) is _Counter:
            return True
        if isinstance(e, ast.Constant):
            return type(e.value) in (int, float, bool)
        if isinstance(e, ast.Name):
            return self.lookup(e.id, scope, dominated)
        if isinstance(e, ast.BinOp):
            return (
                isinstance(e.op, _NUMERIC_OPS)
                and self.is_numeric(e.left, scope, dominated)
                and self.is_numeric(e.right, scope, dominated)
            )
        if isinstance(e, ast.UnaryOp):
            return isinstance(e.op, ast.Not) or self.is_numeric(e.operand, scope, dominated)
        if isinstance(e, ast.Call):
            return isinstance(e.func, ast.Name) and e.func.id in self.pristine and e.func.id in _NUMERIC_CALLS
        if isinstance(e, ast.IfExp):
            return self.is_numeric(e.body, scope, dominated) and self.is_numeric(e.orelse, scope, dominated)
        return False


# Nodes that open a scope, and nodes that bind names: `NumericFacts._visit` looks at these closely.
_SCOPE_VISITORS: dict[type, Any] = {
    ast.FunctionDef: NumericFacts._visit_function,
    ast.AsyncFunctionDef: NumericFacts._visit_function,
    ast.Lambda: NumericFacts._visit_function,
    ast.ClassDef: NumericFacts._visit_class,
    ast.ListComp: NumericFacts._visit_comprehension,
    ast.SetComp: NumericFacts._visit_comprehension,
    ast.DictComp: NumericFacts._visit_comprehension,
    ast.GeneratorExp: NumericFacts._visit_comprehension,
}
_BINDERS: dict[type, Any] = {
    ast.Assign: NumericFacts._bind_assign,
    ast.AugAssign: NumericFacts._bind_augassign,
    ast.AnnAssign: NumericFacts._bind_annassign,
    ast.For: NumericFacts._bind_for,
    ast.AsyncFor: NumericFacts._bind_for,
    ast.NamedExpr: NumericFacts._bind_namedexpr,
    ast.Global: NumericFacts._bind_declared,
    ast.Nonlocal: NumericFacts._bind_declared,
    ast.Import: NumericFacts._bind_import,
    ast.ImportFrom: NumericFacts._bind_import,
    ast.ExceptHandler: NumericFacts._bind_name_field,
    ast.MatchAs: NumericFacts._bind_name_field,
    ast.MatchStar: NumericFacts._bind_name_field,
    ast.MatchMapping: NumericFacts._bind_mapping_rest,
    ast.withitem: NumericFacts._bind_withitem,
    ast.Delete: NumericFacts._bind_delete,
}


def float_const(e: ast.expr) -> bool:
    """Whether `e` is a float literal."""
    return isinstance(e, ast.Constant) and type(e.value) is float


_FOLDABLE: dict[type, Any] = {
    ast.Add: int.__add__,
    ast.Sub: int.__sub__,
    ast.Mult: int.__mul__,
    ast.Pow: int.__pow__,
}


def const_number(e: ast.expr) -> int | float | None:
    """The value of a constant number operand: a literal, a negated one, or arithmetic of int literals
    with a small result (`10**9 + 7`, which CPython folds into a constant anyway); None otherwise."""
    if isinstance(e, ast.Constant):
        value: Any = e.value
        return value if type(value) in (int, float, bool) else None
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        inner = const_number(e.operand)
        return None if inner is None else -inner
    if isinstance(e, ast.BinOp) and type(e.op) in _FOLDABLE:
        left, right = const_number(e.left), const_number(e.right)
        if type(left) is not int or type(right) is not int:
            return None
        if isinstance(e.op, ast.Pow) and not (0 <= right <= 4096 and abs(left).bit_length() * right <= 4096):
            return None
        value = _FOLDABLE[type(e.op)](left, right)
        return value if abs(value) < 1 << 128 else None
    return None


def const_int(e: ast.expr) -> int:
    """The value of a small constant operand (see `small_const`), as an int."""
    value = const_number(e)
    assert value is not None
    return int(value)


def small_const(e: ast.expr, limit: int = SMALL) -> bool:
    """Whether `e` is a constant float, or a constant int (see `const_number`) of absolute value at
    most `limit`."""
    value = const_number(e)
    return type(value) is float or (value is not None and abs(value) <= limit)
