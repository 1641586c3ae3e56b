"""Compiler pass: route size-amplifying operators through pre-checks, only where they could amplify.

`a * b`, `a ** b`, `a << b` and `a % b` (and their augmented forms) can allocate results far larger
than their operands (`[0] * 10**10`, `10 ** 10**10`, `1 << 10**10`, `'%*d' % (10**10, 1)`). They become
`_m_mul(a, b)`, `_m_pow(a, b)`, ... (runtime/guarded_ops.py), which check the result size first, unless
the pass proves that the operation cannot amplify:

- both operands are numeric (proved by numeric.py, `NumericFacts`): int/float constants,
  `len()`/`ord()`/`int()`/`float()` calls of the real builtins, arithmetic of numeric values, and
  names the analysis proves numeric (every binding in their scope stores a numeric value,
  `for i in range(...)` / `enumerate(...)` targets included; at module level a use counts only where
  a binding is certain to have run, since module names may start out as inputs);
- or the operand that decides the size is a small constant (`x * 2`, `x ** 2`, `x << 3`, a `%`
  format literal without `*` or big widths).

f-string fields whose format spec is computed (`f'{x:{w}}'`) or has a big width become
`_m_format(value, spec)`. `__len__`/`__length_hint__` methods of sandbox classes return through
`_m_check_len`, because C code preallocates from the length they report.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from typing import Any

from ..errors import MontySyntaxError
from ..hooks import (
    BITS,
    CHECK_LEN,
    FORMAT,
    GUARDED_SUBJECT,
    ILSHIFT,
    IMOD,
    IMUL,
    INT,
    IPOW,
    LSHIFT,
    MOD,
    MUL,
    NUMBERS,
    PATTERN_ATTR,
    PATTERN_MISSING,
    POW,
    SUBSCRIPT_KEY,
    SUBSCRIPT_OBJECT,
    TYPE,
)
from ..runtime.plain_reads import is_plain_safe
from .astutil import BIG_DIGITS, OPERATOR_LEAVES, child_fields, inert_pattern, locate
from .numeric import (
    WORD,
    NumericFacts,
    Scope,
    const_int,
    const_number,
    float_const,
    small_const,
    target_names,
)

_GUARDED_OPS: dict[type, str] = {
    ast.Mult: MUL,
    ast.Pow: POW,
    ast.LShift: LSHIFT,
    ast.Mod: MOD,
}
_AUG: dict[type, str] = {
    ast.Mult: IMUL,
    ast.Pow: IPOW,
    ast.LShift: ILSHIFT,
    ast.Mod: IMOD,
}
# Marks a rewritten operation that builds nothing unchecked: the rewrite pass's amplification checks
# do not count it as amplifying (see compiler/amplification.py).
LIGHT = 'monty_light'
_BIG_DIGITS = BIG_DIGITS
# Nodes with nothing inside this pass cares about.
_LEAVES: frozenset[type] = OPERATOR_LEAVES
_COMP_SCOPES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _name(id_: str) -> ast.Name:
    return ast.Name(id=id_, ctx=ast.Load())


def _call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(func=_name(func), args=list(args), keywords=[])


def _is_type(e: ast.Name, type_name: str) -> ast.Compare:
    return ast.Compare(left=_call(TYPE, _copy(e)), ops=[ast.Is()], comparators=[_name(type_name)])


def _is_type_in(e: ast.Name, types_name: str) -> ast.Compare:
    return ast.Compare(left=_call(TYPE, _copy(e)), ops=[ast.In()], comparators=[_name(types_name)])


def _is_not_type(e: ast.Name, type_name: str) -> ast.Compare:
    return ast.Compare(left=_call(TYPE, _copy(e)), ops=[ast.IsNot()], comparators=[_name(type_name)])


def _copy(e: ast.expr) -> ast.expr:
    """A fresh copy of a name or constant operand (AST nodes must not be shared: later passes mutate)."""
    if isinstance(e, ast.Name):
        return ast.Name(id=e.id, ctx=ast.Load())
    assert isinstance(e, ast.Constant)
    return ast.Constant(e.value)


def _safe_format_literal(e: ast.expr) -> bool:
    if not isinstance(e, ast.Constant):
        return False
    value: Any = e.value
    if type(value) is bytes:
        value = value.decode('latin-1')
    return (
        type(value) is str
        and '*' not in value
        and value.count('%') < _MANY_SPECS
        and not _BIG_DIGITS.search(value)
        and not _TEXT_CONVERSION.search(value)
        and '%(' not in value  # (a mapping key's parentheses nest: the runtime reads them as CPython)
    )


# A literal with this many specs may render a 4300-digit integer in each (over 1 MiB): weighed.
_MANY_SPECS = 200
# `%s`/`%r`/`%a` render their argument as text: aliased data must be weighed first (`_m_mod`).
_TEXT_CONVERSION = re.compile(r'%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d*)?[sra]')


def _scope_kind(node: ast.AST) -> str:
    if isinstance(node, ast.Module):
        return 'module'
    if isinstance(node, ast.ClassDef):
        return 'class'
    return 'comp' if isinstance(node, _COMP_SCOPES) else 'function'


class _Guard(ast.NodeTransformer):
    """The rewrite. The binding analysis is costly (about as much as parsing) and most programs never
    need it: it runs only when an operation is not decided by its constants (`x * 2`, `'%s' % y`).
    Analysing the partly rewritten tree is sound: a rewritten operation is a call, never numeric."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self._analysis: NumericFacts | None = None
        self.scope_nodes: list[ast.AST] = [tree]  # the enclosing scopes, innermost last
        self.dominated: set[str] | None = set()
        self.in_len_method = False
        self.match_counter = 0

    @property
    def a(self) -> NumericFacts:
        if self._analysis is None:
            self._analysis = NumericFacts(self.tree)
        return self._analysis

    @property
    def scope(self) -> Scope:
        scope_of = self.a.scope_of
        for node in reversed(self.scope_nodes):
            scope = scope_of.get(id(node))
            if scope is not None:
                return scope
        return self.a.module

    @property
    def scope_kind(self) -> str:
        return _scope_kind(self.scope_nodes[-1])

    def num(self, e: ast.expr) -> bool:
        module_level = self.scope_kind == 'module'
        return self.a.is_numeric(e, self.scope, self.dominated if module_level else None)

    def tame(self, e: ast.expr) -> bool:
        return self.a.is_tame(e, self.scope)

    def safe(self, op: ast.operator, left: ast.expr, right: ast.expr) -> bool:
        if const_number(ast.BinOp(left=left, op=op, right=right)) is not None:
            return True  # arithmetic of literals with a small result (`10**9 + 7`)
        if isinstance(op, ast.Mult):
            if (small_const(left) and not isinstance(right, ast.Name)) or (
                small_const(right) and not isinstance(left, ast.Name)
            ):
                # `x[i] * 2` may double a sequence, like `x + x`: checked after the statement
                # (compiler/amplification.py), and exactly in code that runs once.
                return True
            if not (self.num(left) and self.num(right)):
                return False  # `s * 2` of a name: pre-checked, numbers skip the call
            # Numbers: a factor of at most 64 bits costs linear time; two big integers square.
            return (
                small_const(left, WORD) or small_const(right, WORD) or (self.tame(left) and self.tame(right))
            )
        if isinstance(op, ast.Pow):
            if float_const(right):
                return True
            if not small_const(right):
                return False
            # `x ** 2` squares an integer: plain only for a tame number.
            return const_int(right) != 2 or (self.num(left) and self.tame(left))
        if isinstance(op, ast.LShift):
            return small_const(right, 64)
        if isinstance(op, ast.Mod):
            return (
                _safe_format_literal(left)
                or small_const(left, WORD)
                or (self.num(left) and small_const(right, WORD))
            )
        return True

    # -- scopes -------------------------------------------------------------------------------------
    def _in_scope(self, node: Any, fields: list[str]) -> Any:
        saved = self.dominated
        self.scope_nodes.append(node)
        self.dominated = None
        for f in fields:
            value = getattr(node, f)
            if isinstance(value, list):
                setattr(node, f, self._list(value))
            elif isinstance(value, ast.AST):
                setattr(node, f, self.visit(value))
        self.scope_nodes.pop()
        self.dominated = saved
        return node

    def _list(self, items: list[Any]) -> list[Any]:
        out: list[Any] = []
        saved = self.dominated
        for item in items:
            if not isinstance(item, ast.AST):
                out.append(item)
                continue
            res = self.visit(item)
            if isinstance(res, list):
                out.extend(res)
            elif res is not None:
                out.append(res)
            if self.dominated is not None and isinstance(item, ast.Assign):
                for t in item.targets:
                    if isinstance(t, ast.Name):
                        self.dominated = self.dominated | {t.id}
        self.dominated = saved
        return out

    def _function(self, node: Any) -> Any:
        node.decorator_list = self._list(node.decorator_list)
        node.args = self.visit(node.args)
        saved = self.in_len_method
        self.in_len_method = self.scope_kind == 'class' and node.name in ('__len__', '__length_hint__')
        self._in_scope(node, ['body'])
        self.in_len_method = saved
        return node

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def visit_Lambda(self, node: ast.Lambda) -> Any:
        node.args = self.visit(node.args)
        saved = self.in_len_method
        self.in_len_method = False
        self._in_scope(node, ['body'])
        self.in_len_method = saved
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> Any:
        node.bases = self._list(node.bases)
        node.decorator_list = self._list(node.decorator_list)
        saved = self.in_len_method
        self.in_len_method = False
        self._in_scope(node, ['body'])
        self.in_len_method = saved
        return node

    def _comp(self, node: Any) -> Any:
        first = node.generators[0]
        first.iter = self.visit(first.iter)
        saved = self.dominated
        self.scope_nodes.append(node)
        self.dominated = None
        for i, gen in enumerate(node.generators):
            if i:
                gen.iter = self.visit(gen.iter)
            gen.ifs = self._list(gen.ifs)
        for f in ('key', 'value') if isinstance(node, ast.DictComp) else ('elt',):
            setattr(node, f, self.visit(getattr(node, f)))
        self.scope_nodes.pop()
        self.dominated = saved
        return node

    visit_ListComp = _comp
    visit_SetComp = _comp
    visit_DictComp = _comp
    visit_GeneratorExp = _comp

    def visit_For(self, node: ast.For) -> Any:
        node.iter = self.visit(node.iter)
        saved = self.dominated
        if saved is not None and isinstance(node.target, (ast.Name, ast.Tuple)):
            self.dominated = saved | set(target_names(node.target))
        node.body = self._list(node.body)
        self.dominated = saved
        node.orelse = self._list(node.orelse)
        return node

    def visit(self, node: ast.AST) -> Any:
        t = type(node)
        handler = _GUARD_HANDLERS.get(t)
        if handler is not None:
            return handler(self, node)
        if t in _LEAVES:
            return node
        return self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for field in child_fields(type(node)):
            old = getattr(node, field)
            if type(old) is list:
                if old:
                    old[:] = self._list(old)
            elif isinstance(old, ast.AST) and type(old) not in _LEAVES:
                setattr(node, field, self.visit(old))
        return node

    # -- rewrites -----------------------------------------------------------------------------------
    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        node.left = self.visit(node.left)
        node.right = self.visit(node.right)
        op = _GUARDED_OPS.get(type(node.op))
        if op is None or self.safe(node.op, node.left, node.right):
            return node
        guarded = _call(op, node.left, node.right)
        fast = self._fast_path(node)
        if fast is not None:
            # `a % b if _m_type(a) is _m_int else _m_mod(a, b)`: ints skip the call.
            guarded = ast.IfExp(
                test=fast,
                body=ast.BinOp(left=_copy(node.left), op=node.op, right=_copy(node.right)),
                orelse=guarded,
            )
            if small_const(node.right, WORD) or small_const(node.left, WORD):
                # The plain branch is a number by a literal (linear), the call a pre-checked sequence
                # or text: no statement check needed after it (see compiler/amplification.py).
                setattr(guarded, LIGHT, True)
        return locate(guarded, node)

    def _fast_path(self, node: ast.BinOp) -> ast.expr | None:
        """The inline test guarding a plain operation, when both operands are names or constants:
        `a % b if _m_type(a) is _m_int and _m_bits(b) < 64 else _m_mod(a, b)`: small integers skip
        the call. Operands that must be ints (`a` of `%`: a str would format; non-numeric factors: a
        sequence would repeat) get a type test; one operand that decides the cost (the divisor, or
        either factor) a size test."""
        left, right = node.left, node.right
        if not (isinstance(left, (ast.Name, ast.Constant)) and isinstance(right, (ast.Name, ast.Constant))):
            return None
        op = node.op
        if isinstance(op, ast.Mod):
            typed, sized = ([] if self.num(left) else [left]), [right]
        elif isinstance(op, ast.Mult):
            typed = [e for e in (left, right) if not self.num(e)]
            sized = [left, right]
            if any(small_const(e, WORD) for e in sized):
                # By a literal factor only a sequence amplifies: any number takes the plain path.
                if not all(isinstance(e, ast.Name) for e in typed) or not typed:
                    return None
                names = list({e.id: e for e in typed if isinstance(e, ast.Name)}.values())
                number_tests: list[ast.expr] = [_is_type_in(e, NUMBERS) for e in names]
                return (
                    number_tests[0]
                    if len(number_tests) == 1
                    else ast.BoolOp(op=ast.And(), values=number_tests)
                )
        elif isinstance(op, ast.Pow) and small_const(right):
            typed, sized = [], [left]
        else:
            return None
        if not all(isinstance(e, ast.Name) for e in typed):
            return None
        tests: list[ast.expr] = []
        seen: set[str] = set()
        for e in typed:
            assert isinstance(e, ast.Name)
            if e.id not in seen:
                seen.add(e.id)
                tests.append(_is_type(e, INT))
        if not any(small_const(e, WORD) for e in sized):
            probe = self._size_probe(sized, seen)
            if probe is None:
                return None
            tests.append(probe)
        if not tests:
            return None
        return tests[0] if len(tests) == 1 else ast.BoolOp(op=ast.And(), values=tests)

    def _size_probe(self, candidates: Sequence[ast.expr], typed: set[str]) -> ast.expr | None:
        """`_m_bits(x) < 64` for one of the names (tested as an exact int already, else by
        `_m_type(x) is not _m_int or ...` for a number: floats and bools cost nothing either)."""
        names = [e for e in candidates if isinstance(e, ast.Name)]
        if not names:
            return None
        # Prefer a name already tested as an int, then a non-tame one (the likely big operand).
        name = next((e for e in names if e.id in typed), None)
        if name is None:
            name = next((e for e in names if not self.tame(e)), names[0])
        # `_m_bits(x) < 64` (`int.bit_length`): a few ns cheaper than `-2**64 < x < 2**64`.
        bounds = ast.Compare(left=_call(BITS, _copy(name)), ops=[ast.Lt()], comparators=[ast.Constant(64)])
        if name.id in typed:
            return bounds
        if self.num(name):
            return ast.BoolOp(op=ast.Or(), values=[_is_not_type(name, INT), bounds])
        return ast.BoolOp(op=ast.And(), values=[_is_type(name, INT), bounds])

    def visit_AugAssign(self, node: ast.AugAssign) -> Any:
        node.value = self.visit(node.value)
        func = _AUG.get(type(node.op))
        target = node.target
        if func is None or not isinstance(target, ast.Name):
            if func is not None and isinstance(target, (ast.Subscript, ast.Attribute)):
                return self._aug_item(node, func)
            node.target = self.visit(target)
            return node
        if self.safe(node.op, _name(target.id), node.value):
            return node
        value: ast.expr = _call(func, _name(target.id), node.value)
        fast = self._fast_path(ast.BinOp(left=_name(target.id), op=node.op, right=node.value))
        if fast is not None and not isinstance(node.op, ast.Pow):
            # `x = x * 2 if _m_type(x) in _m_numbers else _m_imul(x, 2)`: the test passes numbers
            # only, for which `x *= 2` and `x = x * 2` are the same (sequences would be mutated in place).
            plain = ast.BinOp(left=_name(target.id), op=node.op, right=_copy(node.value))
            value = ast.IfExp(test=fast, body=plain, orelse=value)
            if small_const(node.value, WORD):
                setattr(value, LIGHT, True)
        return locate(ast.Assign(targets=[ast.Name(id=target.id, ctx=ast.Store())], value=value), node)

    def _aug_item(self, node: ast.AugAssign, func: str) -> Any:
        if self.safe(node.op, ast.Tuple(elts=[], ctx=ast.Load()), node.value):
            node.target = self.visit(node.target)
            return node
        # `a[i] *= n` -> `_m_t = a; _m_k = i; _m_t[_m_k] = _m_imul(_m_t[_m_k], n)` (operands evaluated once).
        t = node.target
        assert isinstance(t, (ast.Subscript, ast.Attribute))
        obj = self.visit(t.value)
        pre: list[ast.stmt] = [
            ast.Assign(targets=[ast.Name(id=SUBSCRIPT_OBJECT, ctx=ast.Store())], value=obj)
        ]
        if isinstance(t, ast.Subscript):
            pre.append(
                ast.Assign(targets=[ast.Name(id=SUBSCRIPT_KEY, ctx=ast.Store())], value=self.visit(t.slice))
            )
            load: ast.expr = ast.Subscript(
                value=_name(SUBSCRIPT_OBJECT), slice=_name(SUBSCRIPT_KEY), ctx=ast.Load()
            )
            store: ast.expr = ast.Subscript(
                value=_name(SUBSCRIPT_OBJECT), slice=_name(SUBSCRIPT_KEY), ctx=ast.Store()
            )
        else:
            load = ast.Attribute(value=_name(SUBSCRIPT_OBJECT), attr=t.attr, ctx=ast.Load())
            store = ast.Attribute(value=_name(SUBSCRIPT_OBJECT), attr=t.attr, ctx=ast.Store())
        pre.append(ast.Assign(targets=[store], value=_call(func, load, node.value)))
        return [locate(s, node) for s in pre]

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.expr:
        node.value = self.visit(node.value)
        spec = node.format_spec
        if spec is None:
            return node
        parts = (
            [v.value for v in spec.values if isinstance(v, ast.Constant)]
            if isinstance(spec, ast.JoinedStr)
            else []
        )
        static = isinstance(spec, ast.JoinedStr) and len(parts) == len(spec.values)
        if static and not _BIG_DIGITS.search(''.join(map(str, parts))):
            return node
        spec = self.visit(spec)
        value = node.value
        if node.conversion != -1:
            conv = {ord('r'): 'repr', ord('s'): 'str', ord('a'): 'ascii'}[node.conversion]
            value = ast.Call(func=_name(conv), args=[value], keywords=[])
        out = ast.FormattedValue(value=_call(FORMAT, value, spec), conversion=-1, format_spec=None)
        return locate(out, node)

    def visit_Match(self, node: ast.Match) -> Any:
        """Keyword captures of names the guard wraps (`case Circle(center=c)`, `str.center` being
        size-checked) are read through the guard in the case's guard, not natively by CPython."""
        node.subject = self.visit(node.subject)
        subject: str | None = None
        for case in node.cases:
            case.pattern = self.visit(case.pattern)
            if case.guard is not None:
                case.guard = self.visit(case.guard)
            case.body = self._list(case.body)
            pat = case.pattern
            target = pat.pattern if isinstance(pat, ast.MatchAs) and pat.pattern is not None else pat
            if isinstance(target, ast.MatchClass):
                subject = self._guard_kwd_captures(case, target, subject)
            # Every case, not only those with a class pattern at the top: `case [str(center=f)]` would
            # otherwise hand the unchecked `str.center` to sandbox code.
            for n in ast.walk(case.pattern):
                if isinstance(n, ast.MatchClass):
                    for name, sub in zip(n.kwd_attrs, n.kwd_patterns, strict=True):
                        # An inert sub-pattern only learns whether the native read matched.
                        if not is_plain_safe(name) and not inert_pattern(sub):
                            raise MontySyntaxError(
                                f"class patterns can match the attribute '{name}' only as a capture "
                                '(`Cls(name=var)`) at the top of a case in the sandbox',
                                line=n.lineno,
                                column=n.col_offset + 1,
                            )
        if subject is not None:
            node.subject = locate(
                ast.NamedExpr(target=ast.Name(id=subject, ctx=ast.Store()), value=node.subject), node.subject
            )
        return node

    def _guard_kwd_captures(
        self, case: ast.match_case, target: ast.MatchClass, subject: str | None
    ) -> str | None:
        """Move the top-level class pattern's captures of names that are not plain-safe into the case's
        guard, read through the guard (`_m_pattern_attr`); returns the name the subject is bound to."""
        tests: list[ast.expr] = []
        attrs: list[str] = []
        subs: list[ast.pattern] = []
        for name, sub in zip(target.kwd_attrs, target.kwd_patterns, strict=True):
            if is_plain_safe(name) or not isinstance(sub, ast.MatchAs):
                attrs.append(name)
                subs.append(sub)
                continue
            if sub.pattern is not None:
                attrs.append(name)
                if sub.name is None or not inert_pattern(sub.pattern):
                    subs.append(sub)
                    continue
                # `name=str() as n`: match the inert `str()` natively, read the capture through the
                # guard (the same object, unless the guard refuses or wraps it).
                subs.append(sub.pattern)
            if subject is None:
                self.match_counter += 1
                subject = f'{GUARDED_SUBJECT}{self.match_counter}'
            read: ast.expr = _call(PATTERN_ATTR, _name(subject), ast.Constant(name))
            if sub.name is not None:
                read = ast.NamedExpr(target=ast.Name(id=sub.name, ctx=ast.Store()), value=read)
            tests.append(ast.Compare(left=read, ops=[ast.IsNot()], comparators=[_name(PATTERN_MISSING)]))
        if tests:
            target.kwd_attrs, target.kwd_patterns = attrs, subs
            if case.guard is not None:
                tests.append(case.guard)
            case.guard = locate(
                tests[0] if len(tests) == 1 else ast.BoolOp(op=ast.And(), values=tests), target
            )
        return subject

    def visit_Return(self, node: ast.Return) -> Any:
        if node.value is not None:
            value: ast.expr = self.visit(node.value)
            if self.in_len_method and self.scope_kind == 'function':
                value = locate(_call(CHECK_LEN, value), value)
            node.value = value
        return node


_GUARD_HANDLERS: dict[type, Any] = {
    getattr(ast, name[len('visit_') :]): getattr(_Guard, name)
    for name in dir(_Guard)
    if name.startswith('visit_') and hasattr(ast, name[len('visit_') :]) and name not in vars(ast.NodeVisitor)
}


def guard_sizes(tree: ast.Module) -> ast.Module:
    """Rewrite `tree` in place (before the main rewrite pass); see the module docstring.

    The check pass tells whether a tree needs this pass at all (`check_tree` returns it).
    """
    return _Guard(tree).visit(tree)
