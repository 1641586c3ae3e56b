"""The meter's checks in compiled code (mixed into the rewrite by rewrite.py): loops tick, functions
count their depth and check for a stop on entry, handlers check for a stop.

- `for` loops and comprehensions iterate `_m_loop_iter(iterable, _m_ticker)`, a C-level iterator that
  consults the meter every few thousand items (no Python call per item); `while` loops call
  `_m_tick(_m_ticker)`;
- plain functions count their depth in the run's `_m_depth.d` (a slot: try/finally is free in 3.11)
  and, like generators and lambdas, compare it with `_m_max_depth` on entry: the watchdog lowers that
  value to stop a run whose time is up, so recursion needs no clock reads;
- every `except` handler starts with the same stop check (`_m_handler_check`).
"""

from __future__ import annotations

import ast
from typing import Any

from ..hooks import DEPTH, LOOP_ITER, MAX_DEPTH, TICK, TICKER, TOO_DEEP
from .astutil import LOAD, position, positioned_call

DEPTH_NAME = DEPTH  # the run's depth counter object; its count is `_m_depth.d`


def tick() -> ast.Expr:
    """`_m_tick(_m_ticker)` as a statement: the check a `while` loop body starts with."""
    return ast.Expr(
        ast.Call(
            func=ast.Name(id=TICK, ctx=ast.Load()), args=[ast.Name(id=TICKER, ctx=ast.Load())], keywords=[]
        )
    )


def stop_check(at: ast.AST | None = None, slow_path: str = TOO_DEEP) -> ast.If:
    """`if _m_depth.d > _m_max_depth: _m_too_deep(_m_depth.d)` — depth limit, time limit, memory and stops in one
    compare. With `at`, every node gets that node's position (cheaper than `astutil.locate` afterwards)."""
    pos = position(at) if at is not None else {}
    call = positioned_call(slow_path, pos, _depth(pos))
    test = ast.Compare(
        left=_depth(pos),
        ops=[_GT],
        comparators=[ast.Name(MAX_DEPTH, LOAD, **pos)],
        **pos,
    )
    return ast.If(test=test, body=[ast.Expr(call, **pos)], orelse=[], **pos)


_GT = ast.Gt()


def _depth(pos: dict[str, Any], ctx: ast.expr_context = LOAD) -> ast.Attribute:
    """`_m_depth.d`: the run's call depth, a slot of a per-run object (a slot store is specialised by
    CPython 3.11; a global store goes through a dict every time)."""
    return ast.Attribute(ast.Name(DEPTH_NAME, LOAD, **pos), 'd', ctx, **pos)


def metered_iter(it: ast.expr) -> ast.expr:
    """`_m_loop_iter(it, _m_ticker)`: what a `for` loop or comprehension iterates."""
    pos = position(it)
    return positioned_call(LOOP_ITER, pos, it, ast.Name(TICKER, LOAD, **pos))


def metered_body(
    node: ast.FunctionDef | ast.AsyncFunctionDef, body: list[ast.stmt], *, generator: bool, makes_calls: bool
) -> list[ast.stmt]:
    """A rewritten function body (`body`, docstring aside) with its entry checks."""
    if generator:
        # Suspended frames must not hold depth: generators and coroutines only check for a stop.
        return [stop_check(), *body]
    if not makes_calls:
        # A body without calls recurses only through operator/attribute hooks, which CPython's
        # own recursion limit bounds: no depth counting, only the stop check (exponential
        # recursion through `__add__` must still end at the time limit).
        return [stop_check(), *body]
    pos = position(node)
    enter = ast.AugAssign(_depth(pos, ast.Store()), ast.Add(), ast.Constant(1, **pos), **pos)
    leave = ast.AugAssign(_depth(pos, ast.Store()), ast.Sub(), ast.Constant(1, **pos), **pos)
    guarded = ast.Try(body=[stop_check(), *body], handlers=[], orelse=[], finalbody=[leave])
    return [enter, guarded]


def metered_lambda_body(body: ast.expr) -> ast.expr:
    """`(_m_depth.d <= _m_max_depth or _m_too_deep(_m_depth.d)) and body`: a stopped run (or expired
    deadline, or a memory check the watchdog asks for) lowers `_m_max_depth`, so recursive lambdas
    stop too; `_m_too_deep` returns True when the run may go on."""
    pos = position(body)
    depth = _depth(pos)
    test = ast.Compare(depth, [ast.LtE()], [ast.Name(MAX_DEPTH, LOAD, **pos)], **pos)
    check = ast.BoolOp(ast.Or(), [test, positioned_call(TOO_DEEP, pos, depth)], **pos)
    return ast.BoolOp(ast.And(), [check, body], **pos)


def makes_calls_in(body: list[ast.stmt]) -> bool:
    """Whether the statements (not nested functions or classes) contain a call or a decorator."""
    stack: list[ast.AST] = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Call):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if n.decorator_list or (
                not isinstance(n, ast.ClassDef) and (n.args.defaults or n.args.kw_defaults)
            ):
                return True
            if isinstance(n, ast.ClassDef):
                return True  # building a class calls into its body
            continue
        if isinstance(n, ast.Lambda):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return False


def is_generator(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> bool:
    """Whether the function body (not nested scopes) contains yield."""
    stack: list[ast.AST] = list(node.body) if isinstance(node.body, list) else [node.body]
    while stack:
        n = stack.pop()
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return False
