"""Fast tree traversal shared by the compiler passes.

`ast.NodeVisitor` finds a handler by building a method name for every node and walks children with
`ast.iter_fields`; for the passes' hot loops that costs more than the work itself. These helpers
cache per node type what can be cached.
"""

from __future__ import annotations

import ast
import re
from typing import Any

# Nodes with no children a pass needs to visit.
OPERATOR_LEAVES: frozenset[type] = frozenset(
    {
        ast.Constant,
        ast.Load,
        ast.Store,
        ast.Del,
        ast.Pass,
        ast.Break,
        ast.Continue,
        *ast.operator.__subclasses__(),
        *ast.unaryop.__subclasses__(),
        *ast.cmpop.__subclasses__(),
        *ast.boolop.__subclasses__(),
    }
)

_FIELDS: dict[type, tuple[str, ...]] = {}
_HANDLERS: dict[type, dict[type, Any]] = {}


def child_fields(t: type) -> tuple[str, ...]:
    """The fields of node type `t` that can hold nodes (not `ctx`, names or type comments)."""
    fields = _FIELDS.get(t)
    if fields is None:
        all_fields: tuple[str, ...] = getattr(t, '_fields')  # noqa: B009 - checkers don't know `_fields`
        fields = _FIELDS[t] = tuple(f for f in all_fields if f not in ('ctx', 'type_comment', 'id', 'arg'))
    return fields


def child_nodes(node: ast.AST) -> list[Any]:
    """The node's direct children."""
    out: list[Any] = []
    for field in child_fields(type(node)):
        value = getattr(node, field, None)
        if type(value) is list:
            out.extend(v for v in value if isinstance(v, ast.AST))
        elif isinstance(value, ast.AST):
            out.append(value)
    return out


def handler_table(cls: type) -> dict[type, Any]:
    """Node type -> the class's own `visit_<NodeType>` function (computed once per class)."""
    table = _HANDLERS.get(cls)
    if table is None:
        table = _HANDLERS[cls] = {
            getattr(ast, name[len('visit_') :]): getattr(cls, name)
            for name in dir(cls)
            if name.startswith('visit_')
            and hasattr(ast, name[len('visit_') :])
            and name not in vars(ast.NodeVisitor)
            and name not in vars(ast.NodeTransformer)
        }
    return table


# What the size-guard pass rewrites (compiler/sizeguard.py); the check pass notes whether a tree holds
# any of it, so the size-guard pass is skipped for trees that do not.
SIZE_OPERATORS: frozenset[type] = frozenset({ast.Mult, ast.Pow, ast.LShift, ast.Mod})
SIZE_METHODS = frozenset({'__len__', '__length_hint__'})
BIG_DIGITS = re.compile(r'\d{5,}')


def static_format_spec(spec: ast.expr) -> bool:
    """A format spec made of literal text without a big width: it cannot amplify a field."""
    if not isinstance(spec, ast.JoinedStr):
        return False
    parts = [v.value for v in spec.values if isinstance(v, ast.Constant)]
    return len(parts) == len(spec.values) and not BIG_DIGITS.search(''.join(map(str, parts)))


def _constant_expr(node: ast.expr) -> bool:
    """A literal pattern's value: a constant, `-1`, or a complex literal such as `1 + 2j`."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return _constant_expr(node.operand)
    if isinstance(node, ast.BinOp):
        return _constant_expr(node.left) and _constant_expr(node.right)
    return False


def inert_pattern(pattern: ast.pattern) -> bool:
    """A pattern that hands nothing it matches to sandbox code and reads nothing further: literals,
    `None`/`True`/`False`, bare `Cls()` type tests, `_` and their alternatives. A class pattern may read
    an attribute natively (bypassing the attribute guard) when the attribute's sub-pattern is inert, as
    `case Call(name='search')` only learns whether the value equals a constant or has a type. Refused:
    captures, dotted value patterns (their `__eq__` may be sandbox code receiving the value), nested
    keyword/positional sub-patterns (further native reads), sequence and mapping patterns (native
    iteration and lookups into the value)."""
    if isinstance(pattern, ast.MatchValue):
        return _constant_expr(pattern.value)
    if isinstance(pattern, ast.MatchSingleton):
        return True
    if isinstance(pattern, ast.MatchClass):
        return not pattern.patterns and not pattern.kwd_patterns
    if isinstance(pattern, ast.MatchAs):
        return pattern.name is None and (pattern.pattern is None or inert_pattern(pattern.pattern))
    if isinstance(pattern, ast.MatchOr):
        return all(inert_pattern(p) for p in pattern.patterns)
    return False


# -- building nodes with a position ---------------------------------------------------------------
# New nodes need a position for CPython's compiler. Giving it at creation is cheaper than walking
# the new nodes afterwards (`locate`), which matters on the first-run latency path.
LOAD = ast.Load()


def position(at: ast.AST) -> dict[str, Any]:
    """`at`'s position, as keyword arguments for new nodes that stand for it."""
    d = at.__dict__
    line, col = d.get('lineno', 1), d.get('col_offset', 0)
    return {
        'lineno': line,
        'col_offset': col,
        'end_lineno': d.get('end_lineno', line),
        'end_col_offset': d.get('end_col_offset', col),
    }


def positioned_call(func: str, pos: dict[str, Any], *args: ast.expr) -> ast.Call:
    """`func(*args)` for a runtime helper `func`, every new node at `pos`."""
    return ast.Call(ast.Name(func, LOAD, **pos), list(args), [], **pos)


def method_self(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The first parameter of a method (`self`): None for a static or class method, or no parameter.
    (Whether the body rebinds it, by any binding form, is for the scope analysis to say.)"""
    params = [*node.args.posonlyargs, *node.args.args]
    if not params:
        return None
    for deco in node.decorator_list:
        if isinstance(deco, ast.Name) and deco.id in ('staticmethod', 'classmethod'):
            return None
    return params[0].arg


def locate(new: Any, src: ast.AST) -> Any:
    """Give `new` and its new descendants (those without a position) the position of `src`."""
    stack = [new]
    line, col = getattr(src, 'lineno', 1), getattr(src, 'col_offset', 0)
    end_line, end_col = getattr(src, 'end_lineno', line), getattr(src, 'end_col_offset', col)
    while stack:
        n = stack.pop()
        if not isinstance(n, (ast.expr, ast.stmt, ast.excepthandler, ast.arg, ast.keyword)):
            if isinstance(n, ast.AST):
                stack.extend(child_nodes(n))
            continue
        if getattr(n, 'lineno', None) is not None:
            continue
        n.lineno, n.col_offset, n.end_lineno, n.end_col_offset = line, col, end_line, end_col
        stack.extend(child_nodes(n))
    return new
