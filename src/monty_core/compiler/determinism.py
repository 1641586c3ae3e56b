"""Rewrites that keep what sandbox code observes the same in every process (runtime/rendering.py,
hashing.py, identities.py).

Mixed into the main rewrite pass (rewrite.py). Where CPython's C code would render a default repr
(an address) or walk a set in hash order (seeded per process), the rewritten code asks the runtime,
after an inline type test so that common values (str, int, float, ..., and types the run has
already seen render stably) cost one `type()` call and no Python-level call:

- f-string fields: `f'{x}'` formats `x if _m_type(x) in _m_plain_types else _m_field(x)` when `x` is a
  name, attribute, subscript or display (where containers and functions usually come from; a field
  computed by a call or an operator is left to CPython: testing every field would cost ~15 ns each);
  `f'{x!r}'` formats `_m_repr(x)` (`!s`, `!a` likewise). Fields with a literal spec are left alone:
  no default `__format__` accepts one.
- calls `str(x)`, `list(x)`, `tuple(x)` with one positional argument: `str(x) if _m_type(x) in
  _m_plain_types else _m_call1(str, x)` (the runtime checks that the name still holds the builtin).
- `*x` in calls and displays, and the value of an unpacking assignment `a, b = x` (when it is a
  name, attribute or subscript), visit a set in canonical order: `x if _m_type(x) not in _m_sets
  else _m_ordered(x)`.

`x` is evaluated once: a name is loaded twice (no side effects), another expression is bound to the
temporary `_m_f` with `:=` — except where CPython forbids `:=` (class bodies, comprehension
iterables), where the whole value goes through the runtime helper instead (`_m_field(expr)`, ...).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any, cast

from ..hooks import ASCII, CALL1, CALL_STR, FIELD, ORDERED, PLAIN_TYPES, REPR, SETS, STR, TEMP, TYPE

_CONVERSIONS = {ord('r'): REPR, ord('s'): STR, ord('a'): ASCII}
_CONVERTED_CALLS = frozenset({'str', 'list', 'tuple'})
# Expressions that never evaluate to a set: unpacking them needs no reordering.
_NOT_SETS = (
    ast.Tuple,
    ast.List,
    ast.ListComp,
    ast.Dict,
    ast.DictComp,
    ast.Constant,
    ast.JoinedStr,
    ast.GeneratorExp,
)
# Values whose unpacking is checked, and f-string fields whose rendering is checked (other expressions
# are left to CPython: see above).
_HOLDERS = (ast.Name, ast.Attribute, ast.Subscript)
_TEXT_FIELDS = (ast.Constant, ast.JoinedStr)  # f-string fields that are text or a literal already


_LOAD = ast.Load()  # shared, as in parsed trees
Pos = dict[str, int]


def _pos(src: ast.AST) -> Pos:
    """The position of `src`, for the nodes that replace it (set at creation: cheaper than later)."""
    d = src.__dict__
    line, col = d.get('lineno', 1), d.get('col_offset', 0)
    return {'lineno': line, 'col_offset': col, 'end_lineno': d.get('end_lineno', line),
            'end_col_offset': d.get('end_col_offset', col)}  # fmt: skip


def _name(id_: str, pos: Pos) -> ast.Name:
    return ast.Name(id=id_, ctx=_LOAD, **pos)


def _call(func: str, pos: Pos, *args: ast.expr) -> ast.Call:
    return ast.Call(func=_name(func, pos), args=list(args), keywords=[], **pos)


TEMP = TEMP


def _same(value: ast.expr, pos: Pos) -> ast.expr:
    return value


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _plain_value(value: ast.expr) -> bool:
    return isinstance(value, ast.JoinedStr) or (
        isinstance(value, ast.Constant) and type(value.value) in (str, int, float, bool)
    )


class DeterminismRewrites:
    """`visit_*` methods for the main rewrite pass (see the module docstring)."""

    visit: Any
    generic_visit: Any
    in_class: bool
    in_comp_iter: bool = False  # set by the main pass while it rewrites a comprehension's iterable
    facts: Any  # opentypes.OpenFacts
    # The function whose body is being rewritten (None: module level, class body, lambda), its
    # `plain_locals` once a test needs them, and the names comprehensions inside it rebind.
    plain_scope: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    plain_cache: frozenset[str] | None = None
    shadowed: frozenset[str] = frozenset()

    def enter_scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef | None) -> tuple[Any, ...]:
        """Start rewriting a new scope (a function, or None for a lambda or class body); returns
        what `leave_scope` restores."""
        saved = self.plain_scope, self.plain_cache, self.shadowed
        self.plain_scope, self.plain_cache, self.shadowed = node, None, frozenset()
        return saved

    def leave_scope(self, saved: tuple[Any, ...]) -> None:
        """Restore the scope state `enter_scope` returned."""
        self.plain_scope, self.plain_cache, self.shadowed = saved

    def _plain_name(self, name: str) -> bool:
        scope = self.plain_scope
        if scope is None or name in self.shadowed:
            return False
        if self.plain_cache is None:
            # From the scope analysis of the tree as written (opentypes.py): this pass is rewriting
            # the very function, and a binding it has already rewritten must not go unseen.
            self.plain_cache = self.facts.plain_locals(scope)
        return name in self.plain_cache

    def _comprehension(self, node: Any) -> Any:
        saved = self.shadowed
        if self.plain_scope is not None:  # the comprehension's own variables shadow the function's
            bound = {n.id for gen in node.generators for n in ast.walk(gen.target) if isinstance(n, ast.Name)}
            self.shadowed = saved | bound
        try:
            return self.generic_visit(node)
        finally:
            self.shadowed = saved

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    def _tested(
        self,
        value: ast.expr,
        op: ast.cmpop,
        against: str,
        fast: Callable[[ast.expr, Pos], ast.expr],
        helper: Callable[[ast.expr, Pos], ast.expr],
        at: ast.AST | None = None,
    ) -> ast.expr:
        """`fast(v) if _m_type(v) <op> against else helper(v)`, evaluating `value` once (the new
        nodes at the position of `at`, by default `value`'s)."""
        pos = _pos(value if at is None else at)
        if isinstance(value, ast.Name):
            if self._plain_name(value.id):
                return fast(value, pos)  # a local that only ever holds a str or a number
            probe: ast.expr = _name(value.id, pos)
            ref = value.id
        elif self.in_class or self.in_comp_iter:
            return helper(value, pos)  # no `:=` here
        else:
            probe = ast.NamedExpr(target=ast.Name(id=TEMP, ctx=ast.Store(), **pos), value=value, **pos)
            ref = TEMP
        test = ast.Compare(left=_call(TYPE, pos, probe), ops=[op], comparators=[_name(against, pos)], **pos)
        return ast.IfExp(
            test=test, body=fast(_name(ref, pos), pos), orelse=helper(_name(ref, pos), pos), **pos
        )

    def unpacked_value(self, original: ast.expr, value: ast.expr) -> ast.expr:
        """The value of an unpacking assignment (`value`, rewritten from `original`): a set held in a
        name, attribute or item is unpacked in canonical order."""
        return self.in_canonical_order(value) if isinstance(original, _HOLDERS) else value

    def in_canonical_order(self, value: ast.expr) -> ast.expr:
        """`value`, visiting a set in canonical order (for `*value`)."""
        if isinstance(value, _NOT_SETS):
            return value
        return self._tested(value, ast.NotIn(), SETS, _same, lambda v, pos: _call(ORDERED, pos, v))

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.FormattedValue:
        """`f'{x!r}'` formats `_m_repr(x)` (`!s`, `!a` likewise); a field with no spec that is not a literal
        or an f-string formats `x if _m_type(x) in _m_plain_types else _m_field(x)`."""
        node.value = cast(ast.expr, self.visit(node.value))
        spec = node.format_spec
        if spec is not None:
            node.format_spec = cast(ast.expr, self.visit(spec))
        has_spec = spec is not None and not (isinstance(spec, ast.JoinedStr) and not spec.values)
        value = node.value
        if node.conversion != -1:
            node.value = _call(_CONVERSIONS[node.conversion], _pos(value), value)
            node.conversion = -1
        elif not has_spec and not isinstance(value, _TEXT_FIELDS):
            # Every computed field too (`f'{get_rows()}'`, `f'{[d] * 30}'`): the helper both renders
            # sets and addresses stably and weighs shared data before CPython renders it in one call.
            node.value = self._tested(
                value, ast.In(), PLAIN_TYPES, _same, lambda v, pos: _call(FIELD, pos, v)
            )
        return node

    def visit_Starred(self, node: ast.Starred) -> ast.Starred:
        """`*x` in a call or display becomes `x if _m_type(x) not in _m_sets else _m_ordered(x)`: a set in
        canonical order."""
        node.value = cast(ast.expr, self.visit(node.value))
        if isinstance(node.ctx, ast.Load):
            node.value = self.in_canonical_order(node.value)
        return node

    def visit_Call(self, node: ast.Call) -> ast.expr:
        """`str(x)` becomes `str(x) if _m_type(x) in _m_plain_types else _m_call1(str, x)`, `list(x)` and
        `tuple(x)` `list(x) if _m_type(x) not in _m_sets else _m_call1(list, x)`; `str(object=x)` and
        `str(*xs)` become `_m_call_str(str, ...)`."""
        node = self.generic_visit(node)
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id == 'str'
            and (node.keywords or any(isinstance(a, ast.Starred) for a in node.args))
        ):
            # `str(object=x)`, `str(*xs)`: `_m_call_str(str, ...)` renders as the sandbox does.
            pos = _pos(node)
            return ast.Call(_name(CALL_STR, pos), [_name('str', pos), *node.args], node.keywords, **pos)
        if node.keywords:
            return node
        if (
            isinstance(func, ast.Name)
            and func.id in _CONVERTED_CALLS
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.Starred)
        ):
            name = func.id

            def native(v: ast.expr, pos: Pos) -> ast.expr:
                return ast.Call(func=_name(name, pos), args=[v], keywords=[], **pos)

            def helper(v: ast.expr, pos: Pos) -> ast.expr:
                return _call(CALL1, pos, _name(name, pos), v)

            if name == 'str':
                return self._tested(node.args[0], ast.In(), PLAIN_TYPES, native, helper, node)
            return self._tested(node.args[0], ast.NotIn(), SETS, native, helper, node)
        return node
