"""Part of stage 3 (mixed into the rewriter): straight-line code meets the time and memory limits.

Loops tick the meter and function entries compare a depth counter, but thirty `s = s + s` in a row
do neither, and CPython hands the GIL to the watchdog thread only at calls and loop back-edges. So
the rewriter notes which statements may build a large value in one native operation (`a + b` with
no constant operand, `+=`, `*x`, a multi-field f-string, a slice copy, a call not known to return
something small) and `_stmts` puts a check between two of them (`statement_check`): at most one
amplifying operation runs between two checks.

Code that runs once (module level, outside every loop, function and comprehension: `hot == 0`)
pre-checks `a + b` and multi-field f-strings exactly instead (`_m_add`, `_m_concat`: the operands'
sizes are reserved before CPython concatenates); in hot code a call per `+` would cost too much, and the check after the statement
(~18 ns, and only where two amplifying statements meet) bounds the overshoot to one doubling.
"""

from __future__ import annotations

import ast
import copy
from typing import Any, cast

from ..hooks import (
    ADD,
    BITS,
    CALL1,
    CONCAT,
    EXPAND_CALL,
    EXPANDS,
    FLOORDIV,
    GETATTR,
    IADD,
    IFLOORDIV,
    IMUL,
    INT,
    MUL,
    NUMBERS,
    SIZE,
    TEXTS,
    TICK,
    TICKER,
    TYPE,
    UNPACK,
)
from ..runtime.sizecheck import EXPANDING_METHODS, EXPANDS_FROM
from .astutil import LOAD, position, positioned_call
from .determinism import TEMP, DeterminismRewrites

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

# A `+` chain or an f-string with this many operands or fields that may be big builds a value that
# many times larger in one statement: in hot code it is pre-checked too (`_m_add` at each `+`,
# `_m_concat` for the f-string), not only checked after the statement.
MANY_PARTS = 3
_WORD = 1 << 64
# Calls and operators whose result is a number (or a bool): never a long sequence or text.
_NUMBER_CALLS = frozenset({'len', 'int', 'float', 'ord', 'abs', 'round', 'hash', 'bool', 'id', 'divmod'})
_NUMBER_OPS = (
    ast.Sub,
    ast.Div,
    ast.FloorDiv,
    ast.Pow,
    ast.LShift,
    ast.RShift,
    ast.BitAnd,
    ast.BitOr,
    ast.BitXor,
    ast.MatMult,
)
# Format-spec types that render numbers only (`{x:06d}`, `{r:.2f}`).
_NUMBER_SPEC_TYPES = frozenset('bcdeEfFgGnoxX%')


def may_be_big(e: ast.expr) -> bool:
    """Whether `e` may evaluate to a long str, bytes, list or tuple (a concatenation operand, an
    f-string field): anything but literals and expressions that give numbers."""
    if isinstance(e, ast.Constant):
        return isinstance(e.value, (str, bytes)) and len(e.value) > 4096
    if isinstance(e, (ast.Compare, ast.UnaryOp, ast.BoolOp)):
        return False
    if isinstance(e, ast.BinOp):
        return not isinstance(e.op, _NUMBER_OPS)
    if isinstance(e, ast.Call):
        func = e.func
        return not (isinstance(func, ast.Name) and func.id in _NUMBER_CALLS)
    return True


def _add_leaves(e: ast.expr) -> list[ast.expr]:
    """The operands of a `+` chain (`a + b + c` is `(a + b) + c`)."""
    if type(e) is ast.BinOp and type(e.op) is ast.Add:  # type: ignore[attr-defined]
        return [*_add_leaves(e.left), *_add_leaves(e.right)]  # type: ignore[attr-defined]
    return [e]


def _rechain(e: ast.expr) -> ast.expr:
    """An already rewritten `+` chain (the value of `x += a + b`) with each `+` weighed."""
    if type(e) is ast.BinOp and type(e.op) is ast.Add:  # type: ignore[attr-defined]
        return positioned_call(ADD, position(e), _rechain(e.left), _rechain(e.right))  # type: ignore[attr-defined]
    return e


def _plain_chain(e: ast.expr) -> ast.expr:
    """A copy of a `+` chain of names."""
    if type(e) is ast.BinOp and type(e.op) is ast.Add:  # type: ignore[attr-defined]
        return ast.BinOp(_plain_chain(e.left), ast.Add(), _plain_chain(e.right), **position(e))  # type: ignore[attr-defined]
    return ast.Name(cast(ast.Name, e).id, LOAD, **position(e))


def _small_field(v: ast.FormattedValue) -> bool:
    """An f-string field that renders a number (or a literal): it cannot be long text."""
    spec = v.format_spec
    if isinstance(spec, ast.JoinedStr) and spec.values:
        last = spec.values[-1]
        if (
            type(last) is ast.Constant
            and isinstance(last.value, str)
            and last.value[-1:] in _NUMBER_SPEC_TYPES
        ):
            return True
    return not may_be_big(v.value)


def _type_test(e: ast.expr, op: ast.cmpop, against: str, pos: dict[str, Any]) -> ast.Compare:
    call = positioned_call(TYPE, pos, e)
    return ast.Compare(call, [op], [ast.Name(against, LOAD, **pos)], **pos)


def _small_int_test(name: str, pos: dict[str, Any]) -> ast.expr:
    """`_m_type(x) is _m_int and _m_bits(x) < 64`: an exact int too small to cost anything."""
    bits = positioned_call(BITS, pos, ast.Name(name, LOAD, **pos))
    bounds = ast.Compare(bits, [ast.Lt()], [ast.Constant(64, **pos)], **pos)
    return ast.BoolOp(ast.And(), [_type_test(ast.Name(name, LOAD, **pos), ast.Is(), INT, pos), bounds], **pos)


def _divisor_free(e: ast.expr) -> bool:
    """A divisor (or dividend) that makes long division cheap: a literal number of at most 64 bits."""
    if type(e) is ast.UnaryOp and type(e.op) is ast.USub:  # type: ignore[attr-defined]
        e = e.operand  # type: ignore[attr-defined]
    if type(e) is not ast.Constant:
        return False
    value: Any = e.value  # type: ignore[attr-defined]
    return type(value) is float or (type(value) in (int, bool) and abs(value) < _WORD)


def statement_check(after: ast.stmt) -> ast.Expr:
    """The check between two amplifying statements, at the position of the earlier one, whose
    allocation it catches: `_m_tick(_m_ticker, _m_tick(_m_ticker))`. The inner tick is a C call, after which
    CPython may hand the GIL to the watchdog; a watchdog poke empties the ticker's chunk, so the
    outer tick then refills, which checks the time, the memory and whether the run was stopped.
    Two C calls cost ~18 ns and five AST nodes, about half what a tick plus a compare-and-branch
    costs to build and compile."""
    pos = position(after)
    next_, ticker = ast.Name(TICK, LOAD, **pos), ast.Name(TICKER, LOAD, **pos)
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
        """`a + b`, `a * b` and `a // b`, operands rewritten first, become what `_concatenation`, `_product`
        and `_floor_division` make of them; in hot code a `+` chain with MANY_PARTS operands that may be big
        is weighed at each `+` (`_long_chain`)."""
        op = type(node.op)
        if op is ast.Add and self.hot:
            leaves = _add_leaves(node)
            if sum(map(may_be_big, leaves)) >= MANY_PARTS:
                return self._long_chain(node, leaves)
        node = cast(ast.BinOp, self.generic_visit(node))
        if op is ast.Add:
            return self._concatenation(node)
        if op is ast.Mult:
            return self._product(node)
        if op is ast.FloorDiv:
            return self._floor_division(node)
        return node

    def _concatenation(self, node: ast.BinOp) -> ast.expr:
        if type(node.left) is ast.Constant or type(node.right) is ast.Constant:
            return node
        self.heavy = True
        if not self.hot:
            return positioned_call(ADD, position(node), node.left, node.right)
        left, right = node.left, node.right
        if isinstance(left, ast.Name) and isinstance(right, ast.Name) and left.id == right.id:
            # `s + s` doubles: checked after the statement it could leave old and new value alive
            # together, 3x the limit. Weighed first (numbers take the plain path).
            pos = position(node)
            test = _type_test(ast.Name(left.id, LOAD, **pos), ast.In(), NUMBERS, pos)
            checked = positioned_call(ADD, pos, left, ast.Name(right.id, LOAD, **pos))
            plain = ast.BinOp(
                ast.Name(left.id, LOAD, **pos), ast.Add(), ast.Name(right.id, LOAD, **pos), **pos
            )
            return ast.IfExp(test, plain, checked, **pos)
        return node  # checked after the statement (`_stmts`): ~18 ns rather than a call

    def _long_chain(self, node: ast.BinOp, leaves: list[ast.expr]) -> ast.expr:
        """A `+` chain with MANY_PARTS operands that may be big (`s + s + s`: three times the text in
        one statement) in hot code: each `+` weighed (`_m_add`), unless its operands are names that
        all hold numbers (`a + b + c if <all numbers> else _m_add(_m_add(a, b), c)`)."""
        self.heavy = True
        checked = self._checked_chain(node)
        if not all(type(e) is ast.Name for e in leaves):
            return checked
        pos = position(node)
        names = dict.fromkeys(cast(ast.Name, e).id for e in leaves)
        tests: list[ast.expr] = [_type_test(ast.Name(n, LOAD, **pos), ast.In(), NUMBERS, pos) for n in names]
        test = tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests, **pos)
        return ast.IfExp(test, _plain_chain(node), checked, **pos)

    def _checked_chain(self, e: ast.expr) -> ast.expr:
        """Every `+` of the chain as `_m_add(a, b)` (CPython's order of evaluation), its operands
        rewritten."""
        if type(e) is ast.BinOp and type(e.op) is ast.Add:  # type: ignore[attr-defined]
            left = self._checked_chain(e.left)  # type: ignore[attr-defined]
            right = self._checked_chain(e.right)  # type: ignore[attr-defined]
            return positioned_call(ADD, position(e), left, right)
        return cast(ast.expr, self.visit(e))

    def _product(self, node: ast.BinOp) -> ast.expr:
        """A plain `*` is what the size-guard pass proved harmless: numbers (a sequence by any factor
        is pre-checked, `s * 2` included). A product of two numbers may still square a big integer
        (~0.2 s at most, see sizeguard.py): at most one per statement check."""
        left, right = node.left, node.right
        if type(left) is ast.Constant and type(right) is ast.Constant:
            return node
        if (type(left) is ast.Constant and not _doubles(left)) or (
            type(right) is ast.Constant and not _doubles(right)
        ):
            return node  # a number by a literal factor: linear
        self.heavy = True  # or `x[i] * 2`, which may double a sequence
        if self.hot:
            return node
        return positioned_call(MUL, position(node), node.left, node.right)  # run once: exactly

    def _floor_division(self, node: ast.BinOp) -> ast.expr:
        """`a // b`: long division costs bits(quotient) x bits(divisor) in one C call; unless a literal
        makes it cheap, small ints skip the call (`a // b if <b is a small int> else _m_floordiv(a, b)`)."""
        if _divisor_free(node.right) or _divisor_free(node.left):
            return node
        pos = position(node)
        guarded = positioned_call(FLOORDIV, pos, node.left, node.right)
        if type(node.right) is not ast.Name or type(node.left) not in (ast.Name, ast.Constant):
            return guarded
        plain = ast.BinOp(copy.copy(node.left), ast.FloorDiv(), copy.copy(node.right), **pos)
        return ast.IfExp(_small_int_test(node.right.id, pos), plain, guarded, **pos)

    def checked_augassign(self, node: ast.AugAssign) -> ast.Assign | None:
        """For the main rewriter's `visit_AugAssign`, once `node.value` is rewritten: `x += y`
        amplifies; run once, it becomes `x = _m_iadd(x, y)` (an exact pre-check, still in place
        for lists), and so does `x += y + z` in hot code (three operands); `x *= 2` may double `x`
        (`x //= y` is a long division). None: leave the statement to the rewriter."""
        op = type(node.op)
        if op is ast.FloorDiv:
            return self._augmented_division(node)
        if op is ast.Mult and type(node.value) is not ast.Constant:
            self.heavy = True  # numbers (the size-guard pass checks the rest): see `_product`
            return self._augmented_call(IMUL, node) if not self.hot else None
        if op is not ast.Add or type(node.value) is ast.Constant:
            return None
        self.heavy = True
        if self.hot:
            value = node.value
            target = node.target
            doubling = isinstance(target, ast.Name) and isinstance(value, ast.Name) and target.id == value.id
            if not doubling and sum(map(may_be_big, _add_leaves(value))) + 1 < MANY_PARTS:
                return None  # `x += y`: checked after the statement
            node.value = _rechain(value)
        return self._augmented_call(IADD, node)

    def _augmented_call(self, helper: str, node: ast.AugAssign) -> ast.Assign | None:
        """`x = helper(x, y)` for `x op= y` on a name."""
        if type(node.target) is not ast.Name:
            return None
        pos = position(node)
        value = positioned_call(helper, pos, ast.Name(node.target.id, LOAD, **pos), node.value)
        return ast.Assign([ast.Name(node.target.id, ast.Store(), **pos)], value, **pos)

    def _augmented_division(self, node: ast.AugAssign) -> ast.Assign | None:
        if _divisor_free(node.value):
            return None
        return self._augmented_call(IFLOORDIV, node)

    def _comprehension_hot(self, node: Any) -> Any:
        self.hot += 1
        try:
            return self._comprehension(node)
        finally:
            self.hot -= 1

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension_hot

    def visit_Call(self, node: ast.Call) -> ast.expr:
        """A call not known to return something small marks the statement heavy; `list(x)`, `tuple(x)`,
        `set(x)`, `frozenset(x)` become `_items_call`'s tested form, and after the determinism rewrite
        `s.split(...)` and the other `EXPANDING_METHODS` become `_expanding_call`'s."""
        func = node.func
        if not (
            (type(func) is ast.Name and func.id in SMALL_RESULT_FUNCTIONS)
            or (type(func) is ast.Attribute and func.attr in SMALL_RESULT_METHODS)
        ):
            self.heavy = True
        if (
            type(func) is ast.Name
            and func.id in _ITEM_CALLS
            and len(node.args) == 1
            and not node.keywords
            and type(node.args[0]) is not ast.Starred
        ):
            return self._items_call(cast(ast.Call, self.generic_visit(node)), func.id)
        out = super().visit_Call(node)
        if type(out) is ast.Call:
            func = out.func
            method = _method_name(func)
            if method in EXPANDING_METHODS:
                return self._expanding_call(out, method)
            if isinstance(func, ast.IfExp) and _tested_method(func) in EXPANDING_METHODS:
                return self._expanding_tested_call(out, func)
        return out

    # -- single C calls that expand a string: weighed first when the text is long ---------------------
    def _probe(self, value: ast.expr, pos: dict[str, Any]) -> tuple[ast.expr, str] | None:
        """The expression to test and the name to reuse for `value` (evaluated once: a name as it
        is, anything else bound to the temporary `_m_f`); None where `:=` is not allowed."""
        if type(value) is ast.Name:
            return ast.Name(value.id, LOAD, **pos), value.id
        if self.in_class or self.in_comp_iter:
            return None
        return ast.NamedExpr(ast.Name(TEMP, ast.Store(), **pos), value, **pos), TEMP

    def _items_call(self, node: ast.Call, name: str) -> ast.expr:
        """`list(x)` / `tuple(x)`: `list(x) if _m_type(x) not in _m_expands else _m_call1(list, x)`:
        sets go to the runtime for their canonical order, str and bytes to be weighed (one item per
        character); `set(x)` / `frozenset(x)` of a str or bytes iterate it under the meter."""
        pos = position(node)
        arg = node.args[0]

        def helper(v: ast.expr) -> ast.Call:
            return positioned_call(CALL1, pos, ast.Name(name, LOAD, **pos), v)

        probe = self._probe(arg, pos)
        if probe is None:
            return helper(arg)
        test, ref = probe
        native = ast.Call(ast.Name(name, LOAD, **pos), [ast.Name(ref, LOAD, **pos)], [], **pos)
        return ast.IfExp(
            _type_test(test, ast.NotIn(), _ITEM_CALLS[name], pos),
            native,
            helper(ast.Name(ref, LOAD, **pos)),
            **pos,
        )

    def _expanding_call(self, node: ast.Call, method: str) -> ast.expr:
        """`s.split(...)` and the like (`EXPANDING_METHODS`): a long str or bytes receiver goes to
        `_m_expand_call`, which weighs the result first; anything else calls the method as written."""
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = func.value
        elif isinstance(func, ast.Call):
            receiver = func.args[0]
        else:
            return node
        if isinstance(receiver, ast.Constant) and not may_be_big(receiver):
            return node
        pos = position(node)

        def helper(v: ast.expr) -> ast.Call:
            call = positioned_call(
                EXPAND_CALL, pos, v, ast.Constant(method, **pos), *copy.deepcopy(node.args)
            )
            call.keywords = copy.deepcopy(node.keywords)
            return call

        probe = self._probe(receiver, pos)
        if probe is None:
            return helper(receiver)
        test, ref = probe
        if isinstance(func, ast.Attribute):
            func.value = ast.Name(ref, LOAD, **pos)
        else:
            func.args[0] = ast.Name(ref, LOAD, **pos)
        short = ast.Compare(
            positioned_call(SIZE, pos, ast.Name(ref, LOAD, **pos)),
            [ast.Lt()],
            [ast.Constant(EXPANDS_FROM, **pos)],
            **pos,
        )
        test_expr = ast.BoolOp(ast.Or(), [_type_test(test, ast.NotIn(), TEXTS, pos), short], **pos)
        return ast.IfExp(test_expr, node, helper(ast.Name(ref, LOAD, **pos)), **pos)

    def _expanding_tested_call(self, node: ast.Call, func: ast.IfExp) -> ast.expr:
        """The same for a receiver whose attribute read is tested (`(s.split if T else _m_getattr(s,
        'split'))(x)`, T being `_m_type(s) in _m_open_types` or a flag): `s.split(x) if (type(s) in texts and
        len(s) < 16384) or (type(s) not in texts and T) else _m_expand_call(s, 'split', x)` (texts are open
        types; `_m_expand_call` reads any other attribute through the guard)."""
        body = cast(ast.Attribute, func.body)
        ref = cast(ast.Name, body.value).id
        method = body.attr
        pos = position(node)
        test = func.test
        probe: ast.expr = ast.Name(ref, LOAD, **pos)
        if isinstance(test, ast.Compare) and isinstance(test.left, ast.Call) and test.left.args:
            probe = test.left.args[0]  # the first evaluation binds a non-name receiver (`_m_f := x`)
            test.left.args[0] = ast.Name(ref, LOAD, **pos)
        short = ast.Compare(
            positioned_call(SIZE, pos, ast.Name(ref, LOAD, **pos)),
            [ast.Lt()],
            [ast.Constant(EXPANDS_FROM, **pos)],
            **pos,
        )
        short_text = ast.BoolOp(ast.And(), [_type_test(probe, ast.In(), TEXTS, pos), short], **pos)
        other = ast.BoolOp(
            ast.And(), [_type_test(ast.Name(ref, LOAD, **pos), ast.NotIn(), TEXTS, pos), test], **pos
        )
        plain = ast.Call(
            ast.Attribute(ast.Name(ref, LOAD, **pos), method, LOAD, **pos), node.args, node.keywords, **pos
        )
        helper = positioned_call(EXPAND_CALL, pos, ast.Name(ref, LOAD, **pos), ast.Constant(method, **pos))
        helper.args += copy.deepcopy(node.args)
        helper.keywords = copy.deepcopy(node.keywords)
        return ast.IfExp(ast.BoolOp(ast.Or(), [short_text, other], **pos), plain, helper, **pos)

    def visit_Starred(self, node: ast.Starred) -> ast.Starred:
        """`*x` marks the statement heavy; loaded, it becomes `_unpacked(x)`'s tested form (a set in canonical
        order, a str or bytes weighed); a starred target is left to the determinism rewrite."""
        self.heavy = True
        if not isinstance(node.ctx, ast.Load):
            return super().visit_Starred(node)
        node.value = cast(ast.expr, self.visit(node.value))
        node.value = self._unpacked(node.value)
        return node

    def _unpacked(self, value: ast.expr) -> ast.expr:
        """`*x`: `x if _m_type(x) not in _m_expands else _m_unpack(x)`: a set in canonical order, a str or
        bytes weighed (one item per character)."""
        if isinstance(value, _NOT_TEXT) or (type(value) is ast.Constant and not may_be_big(value)):
            return value
        pos = position(value)
        probe = self._probe(value, pos)
        if probe is None:
            return positioned_call(UNPACK, pos, value)
        test, ref = probe
        return ast.IfExp(
            _type_test(test, ast.NotIn(), EXPANDS, pos),
            ast.Name(ref, LOAD, **pos),
            positioned_call(UNPACK, pos, ast.Name(ref, LOAD, **pos)),
            **pos,
        )

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.expr:
        """An f-string of two or more fields marks the statement heavy; run once (or in hot code, with
        MANY_PARTS fields that may be big), outside a format spec, `f'{a}-{b}'` becomes
        `_m_concat(f'{a}', '-', f'{b}')`."""
        fields = [v for v in node.values if type(v) is ast.FormattedValue]
        if len(fields) < 2:
            return cast(ast.expr, self.generic_visit(node))
        self.heavy = True
        big = sum(not _small_field(v) for v in fields)  # before the rewrite hides the fields' values
        node = cast(ast.JoinedStr, self.generic_visit(node))
        if self.in_field or (self.hot and big < MANY_PARTS):
            return node
        # Run once: `f'{a}-{b}'` -> `_m_concat(f'{a}', '-', f'{b}')`, which weighs the rendered pieces
        # before joining them (each piece is at most a copy of its value; the join may double).
        pos = position(node)
        pieces = [v if type(v) is ast.Constant else ast.JoinedStr([v], **pos) for v in node.values]
        return positioned_call(CONCAT, pos, *pieces)

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.FormattedValue:
        """The determinism rewrite of the field, with `in_field` counted so that an f-string format spec
        inside it stays a JoinedStr."""
        # A format spec is a JoinedStr too, and must stay one.
        self.in_field += 1
        try:
            return super().visit_FormattedValue(node)
        finally:
            self.in_field -= 1

    def visit_IfExp(self, node: ast.IfExp) -> ast.expr:
        """The size-guard pass's `x * 2 if _m_type(x) in _m_numbers else _m_mul(x, 2)` (marked light):
        numbers by a literal, or a pre-checked call; nothing to check after the statement."""
        heavy = self.heavy
        out = cast(ast.expr, self.generic_visit(node))
        if getattr(node, 'monty_light', False):
            self.heavy = heavy
        return out

    def visit_Subscript(self, node: ast.Subscript) -> ast.expr:
        """A slice `s[i:j]` is a copy: it marks the statement heavy; the node is otherwise only visited."""
        if type(node.slice) is ast.Slice:
            self.heavy = True  # a copy: thirty `t = s[:]` in a row hold thirty copies
        return cast(ast.expr, self.generic_visit(node))


def _doubles(e: ast.Constant) -> bool:
    """A literal factor the size-guard pass leaves plain for a sequence (`x[i] * 2`)."""
    value = e.value
    return isinstance(value, int) and abs(value) <= 2


def _tested_method(func: ast.IfExp) -> str | None:
    """`m` for the rewrite pass's tested read `x.m if T else _m_getattr(x, 'm')` of a name `x`."""
    body, orelse = func.body, func.orelse
    if not (isinstance(body, ast.Attribute) and isinstance(body.value, ast.Name)):
        return None
    if _method_name(orelse) is None or not isinstance(orelse, ast.Call) or not orelse.args:
        return None
    receiver = orelse.args[0]
    if not (
        isinstance(receiver, ast.Name) and receiver.id == body.value.id and _method_name(orelse) == body.attr
    ):
        return None
    return body.attr


def _method_name(func: ast.expr) -> str | None:
    """`m` for `x.m` and for the guarded read `_m_getattr(x, 'm')`."""
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Call) and isinstance(func.func, ast.Name) and func.func.id == GETATTR:
        args = func.args
        if len(args) == 2 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str):
            return args[1].value
    return None


# Calls `name(x)` that the runtime takes over for the types in the named set (`_m_call1`).
_ITEM_CALLS = {'list': EXPANDS, 'tuple': EXPANDS, 'set': TEXTS, 'frozenset': TEXTS}
# Expressions that are never a set, str or bytes: unpacking them needs neither reordering nor weighing.
_NOT_TEXT = (
    ast.Tuple,
    ast.List,
    ast.ListComp,
    ast.Dict,
    ast.DictComp,
    ast.GeneratorExp,
    ast.SetComp,
    ast.Set,
)
