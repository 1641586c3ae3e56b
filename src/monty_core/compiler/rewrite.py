"""Stage 3 of the pipeline: rewrite the checked tree so every risky operation goes through the runtime.

The output is still a Python AST, compiled by CPython into ordinary bytecode. What changes:

- attribute reads whose name is not provably safe on every reachable type become `_m_getattr(obj, 'name')`;
  every attribute write and delete becomes `_m_setattr(value, obj, 'name')` / `_m_delattr(obj, 'name')`
  (stores.py, mixed in);
- loops tick, functions count their depth and check for a stop on entry (metering.py): a run whose
  time is up stops, recursion needs no clock reads;
- a method's plain stores to its own `self` skip the guard once a per-call check has shown `self` is
  a sandbox instance;
- every `except` handler starts with the same stop check, so a run that has been stopped (time
  limit, cancellation) cannot swallow its own stop with `except BaseException:`;
- between two statements that may each build a large value natively (`s = s + s` thirty times in
  a row), a tick and a check, so straight-line code meets the time and memory limits; code that
  runs once (module level, outside loops, functions and comprehensions) pre-checks `a + b` and
  `x += y` exactly (`_m_add`, `_m_iadd`);
- f-string fields, `str()`/`list()`/`tuple()` calls, `*x` and unpacking assignments render and
  unpack the same way in every process (determinism.py, mixed in: no addresses, sets in canonical
  order);
- the last expression statement of the module is stored in `_m_result`.

Names starting with `_m_` are reserved (the checker refuses them in user code).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any, cast

from ..hooks import (
    GETATTR,
    HANDLER_CHECK,
    IMPORT,
    IMPORT_FROM,
    OPEN_TYPES,
    RESULT,
    RUN_CLASSES,
    SELF_FLAG,
    STORE_TEMP,
    TYPE,
)
from .amplification import JUMPS, AmplificationChecks, statement_check
from .astutil import (
    LOAD,
    OPERATOR_LEAVES,
    child_fields,
    handler_table,
    locate,
    position,
    positioned_call,
)
from .metering import (
    is_generator,
    makes_calls_in,
    metered_body,
    metered_iter,
    metered_lambda_body,
    stop_check,
    tick,
)
from .opentypes import OpenFacts
from .patterns import PatternRewrites
from .stores import AttributeStores

RESULT_NAME = RESULT


def _name(id_: str, ctx: ast.expr_context | None = None) -> ast.Name:
    return ast.Name(id=id_, ctx=ctx or ast.Load())


def _call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(func=_name(func), args=list(args), keywords=[])


def _self_check(name: str) -> ast.Assign:
    """`_m_self = _m_type(self) in _m_run_classes`: is `self` an instance of one of the run's sandbox
    classes (the class builder records them)?"""
    test = ast.Compare(left=_call(TYPE, _name(name)), ops=[ast.In()], comparators=[_name(RUN_CLASSES)])
    return ast.Assign(targets=[_name(SELF_FLAG, ast.Store())], value=test)


class _Rewriter(AttributeStores, PatternRewrites, AmplificationChecks, ast.NodeTransformer):
    def __init__(self, plain_safe: Callable[[str], bool], facts: OpenFacts) -> None:
        self.plain_safe = plain_safe
        self.facts = facts
        self.fast_reads = 0
        # The inline tests made for attribute reads (id -> node): a method call on one becomes a
        # test around the whole call (see `visit_Call`).
        self.attr_tests: dict[int, ast.IfExp] = {}
        self.temp_counter = 0
        self.in_class = False
        self.class_name: str | None = None  # innermost enclosing class, for private name mangling
        # The method's `self` (its variable, opentypes.OpenFacts.method_self) while rewriting a method.
        self.fast_self: Any = None
        self.fast_stores = 0
        self.handlers = handler_table(type(self))
        self.module: ast.Module | None = None
        self.heavy = False  # see amplification.py
        self.hot = 0

    @property
    def runs_once(self) -> bool:
        """Whether the code being rewritten runs at most once per run (module or class level, outside
        loops and comprehensions): there the smaller guarded form compiles faster than an inline test."""
        return not self.hot

    def attr_name(self, attr: str) -> ast.Constant:
        """The attribute name as the guard must see it: private names mangled as CPython does."""
        if self.class_name and attr.startswith('__') and not attr.endswith('__'):
            stripped = self.class_name.lstrip('_')
            if stripped:
                attr = f'_{stripped}{attr}'
        return ast.Constant(attr)

    def temp(self) -> str:
        self.temp_counter += 1
        return f'{STORE_TEMP}{self.temp_counter}'

    # -- attributes -----------------------------------------------------------------------------
    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        """`a.b` becomes `_m_getattr(a, 'b')` (the guard), or for a plain-safe name (see
        `plain_reads.is_plain_safe`) stays `a.b` when `a` is proven open (opentypes.py), else
        `a.b if _m_type(a) in _m_open_types else _m_getattr(a, 'b')` (in a method, `self.b if _m_self else ...`)."""
        proven = self.facts.is_open(node.value)
        node.value = cast(ast.expr, self.visit(node.value))
        if not isinstance(node.ctx, ast.Load):
            return node  # Store/Del contexts are rewritten by the statements that contain them.
        attr = cast(str, self.attr_name(node.attr).value)
        if not self.plain_safe(node.attr):
            pos = position(node)
            return positioned_call(GETATTR, pos, node.value, ast.Constant(attr, **pos))
        if proven:
            return node
        if self.runs_once:
            pos = position(node)
            return positioned_call(GETATTR, pos, node.value, ast.Constant(attr, **pos))

        def plain(v: ast.expr, pos: dict[str, int]) -> ast.expr:
            return ast.Attribute(v, node.attr, LOAD, **pos)

        def guarded(v: ast.expr, pos: dict[str, int]) -> ast.expr:
            name = ast.copy_location(ast.Constant(attr), node)
            return positioned_call(GETATTR, pos, v, name)

        pos = position(node)
        flag = self.facts.flags.receivers.get(id(node.value)) if type(node.value) is ast.Name else None
        if flag is not None and flag[0] is node.value:
            test: ast.expr = ast.IfExp(
                ast.Name(flag[1], LOAD, **pos), node, guarded(_name_at(node.value, pos), pos), **pos
            )
        elif self._is_fast_self(node.value, node.attr):
            self.fast_reads += 1
            test: ast.expr = ast.IfExp(
                ast.Name(SELF_FLAG, LOAD, **pos), node, guarded(_name_at(node.value, pos), pos), **pos
            )
        else:
            test = self._tested(node.value, ast.In(), OPEN_TYPES, plain, guarded, node)
        if type(test) is ast.IfExp:
            self.attr_tests[id(test)] = test
        return test

    def visit_Call(self, node: ast.Call) -> ast.expr:
        """A method call on a tested receiver, `(a.m if T else _m_getattr(a, 'm'))(x)`, becomes
        `a.m(x) if T else _m_getattr(a, 'm')(x)` when its arguments are small and call nothing (CPython
        then calls the method without making a bound method; either branch evaluates them once)."""
        result = super().visit_Call(node)
        if type(result) is not ast.Call:
            return result
        out = result
        func = out.func
        if type(func) is not ast.IfExp or self.attr_tests.get(id(func)) is not func:
            return out
        if self.runs_once:
            return out  # (the smaller form compiles faster)
        if not all(_simple(a) for a in out.args) or not all(_simple(k.value) for k in out.keywords):
            return out
        pos = position(out)
        # The argument nodes appear in both branches (CPython compiles a shared subtree twice).
        on_open = ast.Call(func.body, out.args, out.keywords, **pos)
        on_guard = ast.Call(func.orelse, list(out.args), list(out.keywords), **pos)
        return ast.IfExp(func.test, on_open, on_guard, **pos)

    def _is_fast_self(self, obj: ast.expr, attr: str) -> bool:
        """Whether `obj.attr` is read from or stored on the method's own `self` (the very variable,
        which nothing rebinds): `_m_self`, tested once per call, stands for the type test."""
        return self.facts.refers_to(obj, self.fast_self) and not (
            attr.startswith('__') and attr.endswith('__')
        )

    # -- imports --------------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> list[ast.stmt]:
        """`import a.b` becomes `a = _m_import('a.b')`; `import a.b as c` becomes
        `c = _m_import('a.b', True)` (no `IMPORT_NAME`/`IMPORT_FROM` opcode: see `visit_ImportFrom`)."""
        out: list[ast.stmt] = []
        for alias in node.names:
            if alias.asname is None:
                target, call = alias.name.partition('.')[0], _call(IMPORT, ast.Constant(alias.name))
            else:
                target = alias.asname
                call = _call(IMPORT, ast.Constant(alias.name), ast.Constant(True))
            out.append(locate(ast.Assign(targets=[_name(target, ast.Store())], value=call), node))
        return out

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.stmt:
        """`from m import a, b as c` becomes `a, c = _m_import_from('m', ('a', 'b'))`: names resolve
        only in the sandbox module's own exports. CPython's `IMPORT_FROM` falls back to the host's
        `sys.modules['m.a']` when the module lacks `a`, which handed out real host modules."""
        names = ast.Tuple(elts=[cast(ast.expr, ast.Constant(a.name)) for a in node.names], ctx=LOAD)
        module = '.' * (node.level or 0) + (node.module or '')  # `from .a import b`: '.a', refused then
        call = _call(IMPORT_FROM, ast.Constant(module), names)
        targets: list[ast.expr] = [_name(a.asname or a.name, ast.Store()) for a in node.names]
        return locate(ast.Assign(targets=[ast.Tuple(elts=targets, ctx=ast.Store())], value=call), node)

    # -- loops ----------------------------------------------------------------------------------
    def _loop_target(self, node: ast.For | ast.AsyncFor) -> None:
        node.target, after = self._temp_target(node.target)
        if after:
            node.body = after + node.body

    def _flag_updates(
        self, table: dict[int, tuple[ast.AST, list[tuple[str, str]]]], at: ast.AST
    ) -> list[ast.stmt]:
        """`_m_oN = _m_type(x) in _m_open_types` for the flags (opentypes.Flags) to update at `at`."""
        entry = table.get(id(at))
        if entry is None or entry[0] is not at:
            return []
        return [locate(_flag_update(flag, name), at) for flag, name in entry[1]]

    def _entry_flags(self, key: int) -> list[ast.stmt]:
        """A scope's flags as it starts: False, or a parameter's test."""
        out: list[ast.stmt] = []
        for flag, param in self.facts.flags.entry.get(key, ()):
            if param is None:
                out.append(ast.Assign([_name(flag, ast.Store())], ast.Constant(False)))
            else:
                out.append(_flag_update(flag, param))
        return out

    def visit_For(self, node: ast.For) -> ast.For:
        node.iter = metered_iter(cast(ast.expr, self.visit(node.iter)))
        updates = self._flag_updates(self.facts.flags.body_start, node)
        self._loop_target(node)
        node.body = updates + self._hot_stmts(node.body)
        node.orelse = self._stmts(node.orelse)
        return node

    def visit_AsyncFor(self, node: ast.AsyncFor) -> ast.AsyncFor:
        node.iter = cast(ast.expr, self.visit(node.iter))
        updates = self._flag_updates(self.facts.flags.body_start, node)
        self._loop_target(node)
        node.body = [locate(tick(), node), *updates, *self._hot_stmts(node.body)]
        node.orelse = self._stmts(node.orelse)
        return node

    def visit_While(self, node: ast.While) -> ast.While:
        self.hot += 1
        node.test = cast(ast.expr, self.visit(node.test))
        self.hot -= 1
        node.body = [locate(tick(), node), *self._hot_stmts(node.body)]
        node.orelse = self._stmts(node.orelse)
        return node

    def visit_comprehension(self, node: ast.comprehension) -> ast.comprehension:
        saved, self.in_comp_iter = self.in_comp_iter, True  # CPython forbids `:=` in the iterable
        node.iter = cast(ast.expr, self.visit(node.iter))
        self.in_comp_iter = saved
        if not node.is_async:
            node.iter = metered_iter(node.iter)
        node.target = cast(ast.expr, self.visit(node.target))
        node.ifs = [cast(ast.expr, self.visit(i)) for i in node.ifs]
        return node

    def visit_With(self, node: ast.With) -> ast.With:
        return self._visit_with(node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> ast.AsyncWith:
        return self._visit_with(node)

    def _visit_with(self, node: Any) -> Any:
        after: list[ast.stmt] = self._flag_updates(self.facts.flags.body_start, node)
        for item in node.items:
            item.context_expr = self.visit(item.context_expr)
            if item.optional_vars is not None:
                item.optional_vars, stores = self._temp_target(item.optional_vars)
                after.extend(stores)
        node.body = after + self._stmts(node.body)
        return node

    # -- functions ------------------------------------------------------------------------------
    def _stmts(self, body: list[ast.stmt]) -> list[ast.stmt]:
        """Rewrite a statement list. Between two statements that may each build a large value
        natively (`s = s + s` written thirty times, with no loop in between), a check
        (`statement_check`) raising what the watchdog found (time limit, memory limit, stop).
        The start of a body is already a check point (function entry, loop tick, or the check
        before the compound statement), so at most one amplifying operation runs between two
        checks."""
        out: list[ast.stmt] = []
        outer_heavy = self.heavy
        last_heavy: ast.stmt | None = None  # the last amplifying statement since the last check
        for stmt in body:
            self.heavy = False
            res = self.visit(stmt)
            if type(stmt) is ast.For:
                # Its iterable is wrapped by a call (`_m_loop_iter`) and its first item ticks: the
                # loop starts with a check of its own.
                last_heavy = stmt if self.heavy else None
            elif self.heavy:
                if last_heavy is not None:
                    out.append(statement_check(last_heavy))
                last_heavy = stmt
            if res is not None:
                if isinstance(res, list):
                    out.extend(cast(list[ast.stmt], res))
                else:
                    out.append(cast(ast.stmt, res))
            out.extend(self._flag_updates(self.facts.flags.after, stmt))
        # A list that ends by leaving (`raise`, `return`, ...) never falls through to the statement
        # after its compound statement.
        falls_through = not body or type(body[-1]) not in JUMPS
        self.heavy = outer_heavy or (last_heavy is not None and falls_through)
        return out

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        node.decorator_list = [cast(ast.expr, self.visit(d)) for d in node.decorator_list]
        self._strip_annotations(node.args)
        node.returns = None
        node.args.defaults = [cast(ast.expr, self.visit(d)) for d in node.args.defaults]
        node.args.kw_defaults = [
            cast(ast.expr, self.visit(d)) if d is not None else None for d in node.args.kw_defaults
        ]
        body = node.body
        doc: list[ast.stmt] = []
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            if isinstance(body[0].value.value, str):
                doc, body = [cast(ast.stmt, body[0])], body[1:]
        makes_calls = makes_calls_in(body)
        # (decided before the rewrite grows the body)
        generator = isinstance(node, ast.AsyncFunctionDef) or is_generator(node)
        saved = self.temp_counter, self.in_class, self.fast_self, self.fast_stores, self.fast_reads
        self.fast_self = self.facts.method_self(node) if self.in_class else None
        self.temp_counter, self.in_class, self.fast_stores, self.fast_reads = 0, False, 0, 0
        scope = self.enter_scope(node)
        heavy = self.heavy  # what the body does happens when it is called, not here
        new_body = self._hot_stmts(body) or [ast.Pass()]
        self.heavy = heavy
        self.leave_scope(scope)
        if (self.fast_stores or self.fast_reads) and self.fast_self is not None:
            new_body.insert(0, _self_check(self.fast_self[1]))
        new_body[:0] = self._entry_flags(id(node))
        self.temp_counter, self.in_class, self.fast_self, self.fast_stores, self.fast_reads = saved
        node.body = [*doc, *metered_body(node, new_body, generator=generator, makes_calls=makes_calls)]
        for n in node.body:
            locate(n, node)
        return node

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def _strip_annotations(self, args: ast.arguments) -> None:
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                a.annotation = None

    def visit_Lambda(self, node: ast.Lambda) -> ast.Lambda:
        node.args.defaults = [cast(ast.expr, self.visit(d)) for d in node.args.defaults]
        node.args.kw_defaults = [
            cast(ast.expr, self.visit(d)) if d is not None else None for d in node.args.kw_defaults
        ]
        saved, self.in_class = self.in_class, False
        scope = self.enter_scope(None)
        heavy = self.heavy
        self.hot += 1
        body = cast(ast.expr, self.visit(node.body))
        self.hot -= 1
        self.heavy = heavy
        self.leave_scope(scope)
        self.in_class = saved
        node.body = metered_lambda_body(body)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.ClassDef:
        node.bases = [cast(ast.expr, self.visit(b)) for b in node.bases]
        node.decorator_list = [cast(ast.expr, self.visit(d)) for d in node.decorator_list]
        saved = self.in_class, self.fast_self, self.class_name
        self.in_class, self.fast_self, self.class_name = True, None, node.name
        scope = self.enter_scope(None)
        node.body = self._stmts(node.body) or [ast.Pass()]
        self.leave_scope(scope)
        self.in_class, self.fast_self, self.class_name = saved
        return node

    # -- exceptions -----------------------------------------------------------------------------
    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.ExceptHandler:
        if node.type is not None:
            node.type = cast(ast.expr, self.visit(node.type))
        # `_m_handler_check`: stops and the deadline, but not the memory check `_m_too_deep` would make (the
        # handler may have caught the MemoryError and be about to let go of the memory).
        updates = self._flag_updates(self.facts.flags.body_start, node)
        node.body = [stop_check(node, HANDLER_CHECK), *updates, *self._stmts(node.body)]
        return node

    def visit_Try(self, node: ast.Try) -> ast.Try:
        self.generic_visit(node)
        # A `finally:` body starts with the same stop check: it also runs when a finished run's
        # suspended generator is closed by the garbage collector, in whatever run (or none) is current.
        if node.finalbody:
            node.finalbody = [stop_check(node.finalbody[0], HANDLER_CHECK), *node.finalbody]
        return node

    def visit(self, node: ast.AST) -> Any:
        handler = self.handlers.get(type(node))
        if handler is not None:
            return handler(self, node)
        if type(node) in _LEAVES:
            return node
        return self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        # Statement lists go through _stmts so rewrites may return several statements (or none).
        visit = self.visit
        for field in child_fields(type(node)):
            old = getattr(node, field)
            if type(old) is list:
                if not old:
                    continue
                if isinstance(old[0], ast.stmt):
                    setattr(node, field, self._stmts(old) or [ast.Pass()])
                    continue
                new: list[Any] = []
                for item in old:
                    if not isinstance(item, ast.AST) or type(item) in _LEAVES:
                        new.append(item)
                        continue
                    res = visit(item)
                    if type(res) is list:
                        new.extend(res)
                    elif res is not None:
                        new.append(res)
                old[:] = new
            elif isinstance(old, ast.AST) and type(old) not in _LEAVES:
                setattr(node, field, visit(old))
        return node


# The rewrite never changes these (names and imports included): it does not descend into them.
_LEAVES: frozenset[type] = OPERATOR_LEAVES | {
    ast.Name,
    ast.Global,
    ast.Nonlocal,
    ast.alias,
}


def _flag_update(flag: str, name: str) -> ast.Assign:
    test = ast.Compare(_call(TYPE, _name(name)), [ast.In()], [_name(OPEN_TYPES)])
    return ast.Assign([_name(flag, ast.Store())], test)


def _name_at(value: ast.expr, pos: dict[str, int]) -> ast.expr:
    return ast.Name(value.id, LOAD, **pos) if isinstance(value, ast.Name) else value


# Argument expressions small and call-free enough to be written in both branches of a method test.
_SIMPLE_NODES = (ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Compare, ast.Subscript, ast.Slice)
_SIMPLE_SIZE = 12


def _simple(arg: ast.expr) -> bool:
    count = 0
    for n in ast.walk(arg):
        if isinstance(n, ast.expr) and not isinstance(n, _SIMPLE_NODES):
            return False
        count += 1
        if count > _SIMPLE_SIZE:
            return False
    return True


def rewrite_module(tree: ast.Module, plain_safe: Callable[[str], bool], facts: OpenFacts) -> ast.Module:
    """Rewrite a checked module in place and return it; see the module docstring for what changes."""
    body = tree.body
    last: ast.Expr | None = body[-1] if body and isinstance(body[-1], ast.Expr) else None
    rewriter = _Rewriter(plain_safe, facts)
    rewriter.module = tree
    new_body = rewriter._stmts(body)
    has_doc = bool(body) and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
    new_body[int(has_doc) : int(has_doc)] = [locate(s, tree) for s in rewriter._entry_flags(0)]
    if last is not None and new_body and new_body[-1] is last:
        pos = position(last)
        target = ast.Name(RESULT_NAME, ast.Store(), **pos)
        new_body[-1] = ast.Assign([target], last.value, **pos)
    tree.body = new_body
    return tree
