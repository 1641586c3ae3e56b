"""Part of stage 3 (mixed into the rewriter): straight-line code meets the time and memory limits.

Loops tick the meter and function entries compare a depth counter, but thirty `s = s + s` in a row
do neither, and CPython hands the GIL to the watchdog thread only at calls and loop back-edges. So
the rewriter notes which statements may build a large value in one native operation (`a + b` with
no constant operand, `+=`, `*x`, a multi-field f-string, a slice copy, a call not known to return
something small) and `_stmts` puts a check between two of them (`statement_check`): at most one
amplifying operation runs between two checks.

Code that runs once (module level, outside every loop, function and comprehension: `hot == 0`)
pre-checks `a + b` and multi-field f-strings exactly instead (`_m_add`, `_m_cat`: the operands'
sizes are reserved before CPython concatenates); in hot code a call per `+` would cost too much, and the check after the statement
(~18 ns, and only where two amplifying statements meet) bounds the overshoot to one doubling.
"""

from __future__ import annotations

import ast
from typing import Any, cast

from .astutil import LOAD, position, positioned_call
from .determinism import DeterminismRewrites

# Calls that cannot build a value much larger than their arguments hold already (sizes, tests,
# numbers, lazy iterators, single items): a statement made of these needs no check after it. A
# sandbox function of the same name is checked by its own statements; what its `return` builds
# is at most one unchecked amplification.
SMALL_RESULT_FUNCTIONS = frozenset(
    'abs all any bool callable chr divmod enumerate filter float hasattr hash id int isinstance '
    'issubclass iter len map max min next ord print range reversed round sum type zip'.split()
)
SMALL_RESULT_METHODS = frozenset(
    'add append appendleft clear count discard endswith find get index insert isalnum isalpha '
    'isdigit isspace items keys pop popleft remove reverse rfind setdefault sort startswith '
    'values '
    # str methods whose result the runtime weighs before building it (runtime/formatting.py)
    'center expandtabs format format_map join ljust replace rjust translate zfill'.split()
)

# Statements after which a statement list does not fall through to what follows its compound
# statement.
JUMPS = frozenset({ast.Return, ast.Raise, ast.Continue, ast.Break})


def statement_check(after: ast.stmt) -> ast.Expr:
    """The check between two amplifying statements, at the position of the earlier one, whose
    allocation it catches: `_m_next(_m_T, _m_next(_m_T))`. The inner tick is a C call, after which
    CPython may hand the GIL to the watchdog; a watchdog poke empties the ticker's chunk, so the
    outer tick then refills, which checks the time, the memory and whether the run was stopped.
    Two C calls cost ~18 ns and five AST nodes, about half what a tick plus a compare-and-branch
    costs to build and compile."""
    pos = position(after)
    next_, ticker = ast.Name('_m_next', LOAD, **pos), ast.Name('_m_T', LOAD, **pos)
    inner = ast.Call(next_, [ticker], [], **pos)
    return ast.Expr(ast.Call(next_, [ticker, inner], [], **pos), **pos)


class AmplificationChecks(DeterminismRewrites):
    """Rewriter mixin: sets `heavy` for amplifying operations and keeps `hot` (see the module
    docstring). `_stmts`, in the main rewriter, places the checks. Built on the determinism
    rewrites, whose `visit_Call`/`visit_Starred` it extends."""

    heavy: bool = False  # the statement being rewritten may build a large value natively
    hot: int = 0  # loops, functions and comprehensions enclosing the code being rewritten
    in_field: int = 0  # f-string fields enclosing the code being rewritten
    _stmts: Any  # provided by the main rewriter

    def _hot_stmts(self, body: list[ast.stmt]) -> list[ast.stmt]:
        self.hot += 1
        try:
            return self._stmts(body)
        finally:
            self.hot -= 1

    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        concatenates = (
            type(node.op) is ast.Add
            and type(node.left) is not ast.Constant
            and type(node.right) is not ast.Constant
        )
        node = cast(ast.BinOp, self.generic_visit(node))
        if not concatenates:
            return node
        self.heavy = True
        if self.hot:
            return node  # checked after the statement (`_stmts`): ~18 ns rather than a call
        return positioned_call('_m_add', position(node), node.left, node.right)

    def checked_augassign(self, node: ast.AugAssign) -> ast.Assign | None:
        """For the main rewriter's `visit_AugAssign`, once `node.value` is rewritten: `x += y`
        amplifies; run once, it becomes `x = _m_iadd(x, y)` (an exact pre-check, still in place
        for lists). None: leave the statement to the rewriter."""
        if type(node.op) is not ast.Add or type(node.value) is ast.Constant:
            return None
        self.heavy = True
        if self.hot or type(node.target) is not ast.Name:
            return None
        pos = position(node)
        value = positioned_call('_m_iadd', pos, ast.Name(node.target.id, LOAD, **pos), node.value)
        return ast.Assign([ast.Name(node.target.id, ast.Store(), **pos)], value, **pos)

    def _comprehension_hot(self, node: Any) -> Any:
        self.hot += 1
        try:
            return self._comprehension(node)
        finally:
            self.hot -= 1

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension_hot

    def visit_Call(self, node: ast.Call) -> ast.expr:
        func = node.func
        if not (
            (type(func) is ast.Name and func.id in SMALL_RESULT_FUNCTIONS)
            or (type(func) is ast.Attribute and func.attr in SMALL_RESULT_METHODS)
        ):
            self.heavy = True
        return super().visit_Call(node)

    def visit_Starred(self, node: ast.Starred) -> ast.Starred:
        self.heavy = True
        return super().visit_Starred(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.expr:
        fields = sum(type(v) is ast.FormattedValue for v in node.values)
        if fields < 2:
            return cast(ast.expr, self.generic_visit(node))
        self.heavy = True
        node = cast(ast.JoinedStr, self.generic_visit(node))
        if self.hot or self.in_field:
            return node
        # Run once: `f'{a}-{b}'` -> `_m_cat(f'{a}', '-', f'{b}')`, which weighs the rendered pieces
        # before joining them (each piece is at most a copy of its value; the join may double).
        pos = position(node)
        pieces = [v if type(v) is ast.Constant else ast.JoinedStr([v], **pos) for v in node.values]
        return positioned_call('_m_cat', pos, *pieces)

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.FormattedValue:
        # A format spec is a JoinedStr too, and must stay one.
        self.in_field += 1
        try:
            return super().visit_FormattedValue(node)
        finally:
            self.in_field -= 1

    def visit_Subscript(self, node: ast.Subscript) -> ast.expr:
        if type(node.slice) is ast.Slice:
            self.heavy = True  # a copy: thirty `t = s[:]` in a row hold thirty copies
        return cast(ast.expr, self.generic_visit(node))
