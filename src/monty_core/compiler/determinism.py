"""Rewrites that keep what sandbox code observes the same in every process (runtime/stable.py).

Mixed into the main rewrite pass (codegen.py). Where CPython's C code would render a default repr
(an address) or walk a set in hash order (seeded per process), the rewritten code asks the runtime:

- f-string fields without a format spec: `f'{x}'` formats `x if _m_rtype(x) in _m_plain else
  _m_fv(x)` (names; other expressions `_m_fv(expr)`), `f'{x!r}'` formats `_m_repr(x)` (`!s`, `!a`
  likewise). Fields with a literal spec are left alone: no default `__format__` accepts one.
- calls `str(x)`, `list(x)`, `tuple(x)` with one positional argument become `_m_c1(str, x)`, ...:
  the runtime checks that the name still holds the builtin.
- `*x` in calls and displays, and the value of an unpacking assignment `a, b = x`, visit a set in
  canonical order: `x if _m_rtype(x) not in _m_sets else _m_ord(x)` (names), `_m_ord(expr)` (others).
- `x.pop()` without arguments: `x.pop() if _m_rtype(x) is _m_list else _m_pop(x)` (names; a set
  gives its canonically first item), `_m_pop(expr)` (others).

Names are evaluated twice in the inline forms: loading a name has no side effects.
"""

from __future__ import annotations

import ast
from typing import Any, cast

_CONVERSIONS = {ord('r'): '_m_repr', ord('s'): '_m_sv', ord('a'): '_m_ascii'}
_CONVERTED_CALLS = frozenset({'str', 'list', 'tuple'})
# Expressions that never evaluate to a set: unpacking them needs no reordering.
_NOT_SETS = (ast.Tuple, ast.List, ast.ListComp, ast.Dict, ast.DictComp, ast.Constant, ast.JoinedStr, ast.GeneratorExp)


def _name(id_: str) -> ast.Name:
    return ast.Name(id=id_, ctx=ast.Load())


def _call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(func=_name(func), args=list(args), keywords=[])


def _type_test(value: ast.Name, op: ast.cmpop, against: str) -> ast.Compare:
    return ast.Compare(left=_call('_m_rtype', _name(value.id)), ops=[op], comparators=[_name(against)])


def _place(new: ast.expr, src: ast.AST) -> Any:
    """Give `new` and its new descendants (those without a position) the position of `src`."""
    line, col = getattr(src, 'lineno', 1), getattr(src, 'col_offset', 0)
    end_line, end_col = getattr(src, 'end_lineno', line), getattr(src, 'end_col_offset', col)
    stack: list[ast.AST] = [new]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.expr):
            if getattr(n, 'lineno', None) is not None:
                continue
            n.lineno, n.col_offset, n.end_lineno, n.end_col_offset = line, col, end_line, end_col
        stack.extend(ast.iter_child_nodes(n))
    return new


def in_canonical_order(value: ast.expr) -> ast.expr:
    """`value`, visiting a set in canonical order (for `*value` and unpacking assignments)."""
    if isinstance(value, _NOT_SETS):
        return value
    if isinstance(value, ast.Name):
        test = _type_test(value, ast.NotIn(), '_m_sets')
        return _place(ast.IfExp(test=test, body=value, orelse=_call('_m_ord', _name(value.id))), value)
    return _place(_call('_m_ord', value), value)


class DeterminismRewrites:
    """`visit_*` methods for the main rewrite pass (see the module docstring)."""

    visit: Any
    generic_visit: Any

    def visit_FormattedValue(self, node: ast.FormattedValue) -> ast.FormattedValue:
        node.value = cast(ast.expr, self.visit(node.value))
        spec = node.format_spec
        if spec is not None:
            node.format_spec = cast(ast.expr, self.visit(spec))
        has_spec = spec is not None and not (isinstance(spec, ast.JoinedStr) and not spec.values)
        value = node.value
        if node.conversion != -1:
            node.value = _place(_call(_CONVERSIONS[node.conversion], value), value)
            node.conversion = -1
        elif has_spec or isinstance(value, ast.Constant):
            pass
        elif isinstance(value, ast.Name):
            test = _type_test(value, ast.In(), '_m_plain')
            node.value = _place(ast.IfExp(test=test, body=value, orelse=_call('_m_fv', _name(value.id))), value)
        elif not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == '_m_fmt'):
            node.value = _place(_call('_m_fv', value), value)
        return node

    def visit_Starred(self, node: ast.Starred) -> ast.Starred:
        node.value = cast(ast.expr, self.visit(node.value))
        if isinstance(node.ctx, ast.Load):
            node.value = in_canonical_order(node.value)
        return node

    def visit_Call(self, node: ast.Call) -> ast.expr:
        node = self.generic_visit(node)
        func = node.func
        if node.keywords:
            return node
        if (
            isinstance(func, ast.Name)
            and func.id in _CONVERTED_CALLS
            and len(node.args) == 1
            and not isinstance(node.args[0], ast.Starred)
        ):
            return _place(ast.Call(func=_name('_m_c1'), args=[func, node.args[0]], keywords=[]), node)
        if isinstance(func, ast.Attribute) and func.attr == 'pop' and not node.args:
            receiver = func.value
            if isinstance(receiver, ast.Name):
                test = _type_test(receiver, ast.Is(), '_m_list')
                return _place(ast.IfExp(test=test, body=node, orelse=_call('_m_pop', _name(receiver.id))), node)
            return _place(_call('_m_pop', receiver), node)
        return node
