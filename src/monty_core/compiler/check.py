"""Stage 2 of the pipeline: check the parsed tree against the sandbox's allow-list of syntax and names.

Anything not listed here is refused with a `MontySyntaxError` that names the feature and points at the
user's line and column. The checks are static; the runtime guards (runtime/guards.py) cover what can
only be decided while the program runs.
"""

from __future__ import annotations

import ast
import re
from typing import NoReturn

from ..errors import MontySyntaxError
from ..runtime.allowlists import DATA_MODEL_METHODS
from .astutil import (
    OPERATOR_LEAVES,
    SIZE_METHODS,
    SIZE_OPERATORS,
    child_fields,
    handler_table,
    inert_pattern,
    static_format_spec,
)

# Dunder names user code may *read* as plain names (`if __name__ == '__main__':`).
ALLOWED_DUNDER_NAMES = frozenset({'__name__', '__doc__'})

# Dunder methods and attributes a sandbox class body may define. `__del__` (code running after the run
# ends), `__getattribute__`/`__setattr__`-style hooks on the guard path, pickling hooks and class-creation
# hooks are deliberately absent.
CLASS_BODY_DUNDERS = DATA_MODEL_METHODS | {
    '__await__',
    '__class_getitem__',
    '__delete__',
    '__get__',
    '__getattr__',
    '__init_subclass__',
    '__set__',
    # Called by `type.__new__` with the new class, which is already marked as the sandbox's then
    # (runtime/class_statement.py `_ClassFinisher`), as for `__init_subclass__`.
    '__set_name__',
    '__slots__',
}

_REFUSED_CLASS_DUNDERS = {
    '__del__': 'finalizers (`__del__`) are not supported: sandbox code must not run after its run ends',
    '__getattribute__': '`__getattribute__` overrides are not supported; define `__getattr__` instead',
    '__setattr__': '`__setattr__` overrides are not supported in the sandbox',
    '__delattr__': '`__delattr__` overrides are not supported in the sandbox',
}

_NODE_FEATURES: dict[type[ast.AST], str] = {}


class _Checker(ast.NodeVisitor):
    def __init__(self, source_lines: list[str], filename: str) -> None:
        self.lines = source_lines
        self.filename = filename
        self.class_depth = 0  # >0 while directly inside a class body
        self.size_sensitive = False  # holds something the size-guard pass rewrites
        self.handlers = handler_table(type(self))

    # -- errors ---------------------------------------------------------------------------------
    def fail(self, node: ast.AST, message: str) -> NoReturn:
        line = getattr(node, 'lineno', None)
        col = getattr(node, 'col_offset', None)
        source = self.lines[line - 1] if line and 0 < line <= len(self.lines) else None
        raise MontySyntaxError(
            message,
            filename=self.filename,
            line=line,
            column=(col + 1) if col is not None else None,
            end_line=getattr(node, 'end_lineno', None),
            end_column=(getattr(node, 'end_col_offset', 0) or 0) + 1,
            source_line=source,
        )

    # -- names ----------------------------------------------------------------------------------
    def check_name(self, node: ast.AST, name: str, *, defining: bool = False) -> None:
        if name[0] != '_':
            return
        if name.startswith('__monty') or name.startswith('_m_'):
            self.fail(node, f"the name '{name}' is reserved by the sandbox")
        if name.startswith('__') and name.endswith('__') and len(name) > 4:
            if defining and self.class_depth and name in CLASS_BODY_DUNDERS:
                return
            if defining and self.class_depth and name in _REFUSED_CLASS_DUNDERS:
                self.fail(node, _REFUSED_CLASS_DUNDERS[name])
            if not defining and (name in ALLOWED_DUNDER_NAMES or name == '__future__'):
                return  # (`import __future__` binds the module's name)
            if name == '__builtins__' or name == '__import__':
                self.fail(node, f"'{name}' is not available in the sandbox")
            where = 'in a class body' if defining and self.class_depth else 'here'
            self.fail(node, f"the special name '{name}' cannot be used {where} in the sandbox")

    def visit_Name(self, node: ast.Name) -> None:
        if self.class_depth and node.id in CLASS_BODY_DUNDERS:
            return  # `__rmul__ = __mul__` inside a class body
        self.check_name(node, node.id, defining=isinstance(node.ctx, ast.Store) and self.class_depth > 0)

    def visit_arg(self, node: ast.arg) -> None:
        self.check_name(node, node.arg)
        # Annotations are never evaluated at run time; they may name anything.

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr.startswith('__monty') or node.attr.startswith('_m_'):
            self.fail(node, f"the attribute '{node.attr}' is reserved by the sandbox")
        self.visit(node.value)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            self.check_name(node, name)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        for name in node.names:
            self.check_name(node, name)

    # -- definitions ----------------------------------------------------------------------------
    # -- what the size-guard pass will have to rewrite ---------------------------------------------
    def visit_BinOp(self, node: ast.BinOp) -> None:
        if type(node.op) in SIZE_OPERATORS:
            self.size_sensitive = True
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if type(node.op) in SIZE_OPERATORS:
            self.size_sensitive = True
        self.generic_visit(node)

    def visit_FormattedValue(self, node: ast.FormattedValue) -> None:
        if node.format_spec is not None and not static_format_spec(node.format_spec):
            self.size_sensitive = True
        self.generic_visit(node)

    def visit_Match(self, node: ast.Match) -> None:
        self.size_sensitive = True
        self.generic_visit(node)

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.name in SIZE_METHODS:
            self.size_sensitive = True
        self.check_name(node, node.name, defining=True)
        for deco in node.decorator_list:
            self.visit(deco)
        self.visit_arguments_defaults(node.args)
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            self.check_name(a, a.arg)
        for extra in (node.args.vararg, node.args.kwarg):
            if extra is not None:
                self.check_name(extra, extra.arg)
        saved, self.class_depth = self.class_depth, 0
        for stmt in node.body:
            self.visit(stmt)
        self.class_depth = saved

    def visit_arguments_defaults(self, args: ast.arguments) -> None:
        for d in args.defaults:
            self.visit(d)
        for kd in args.kw_defaults:
            if kd is not None:
                self.visit(kd)

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit_arguments_defaults(node.args)
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            self.check_name(a, a.arg)
        for extra in (node.args.vararg, node.args.kwarg):
            if extra is not None:
                self.check_name(extra, extra.arg)
        saved, self.class_depth = self.class_depth, 0
        self.visit(node.body)
        self.class_depth = saved

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.check_name(node, node.name)
        for kw in node.keywords:
            if kw.arg == 'metaclass':
                self.fail(kw, 'classes with metaclasses are not supported in the sandbox')
            self.visit(kw.value)
        for deco in node.decorator_list:
            self.visit(deco)
        for base in node.bases:
            self.visit(base)
        saved, self.class_depth = self.class_depth, 1
        for stmt in node.body:
            self.visit(stmt)
        self.class_depth = saved

    # -- statements and expressions with extra rules ---------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module_name(node, alias.name)
            if alias.asname:
                self.check_name(node, alias.asname)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        # (A relative import compiles: it raises CPython's ImportError when it runs, as in a script.)
        self._check_module_name(node, node.module or '')
        for alias in node.names:
            if alias.name == '*':
                self.fail(node, "'from ... import *' is not supported in the sandbox")
            self.check_name(node, alias.name)
            if alias.asname:
                self.check_name(node, alias.asname)

    def _check_module_name(self, node: ast.AST, name: str) -> None:
        if name == '__future__':
            return
        for part in name.split('.'):
            if part.startswith('_'):
                self.fail(node, f"importing private module '{name}' is not supported in the sandbox")

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id == 'type' and len(node.args) == 3:
            self.fail(node, 'creating classes with 3-argument type() is not supported; use a class statement')
        self.generic_visit(node)

    def visit_MatchClass(self, node: ast.MatchClass) -> None:
        from ..runtime.plain_reads import is_refused_somewhere

        for name, sub in zip(node.kwd_attrs, node.kwd_patterns, strict=True):
            if name.startswith('_'):
                self.fail(node, f"class patterns cannot match the private attribute '{name}'")
            if is_refused_somewhere(name) and not _guardable_kwd_pattern(sub):
                # CPython reads class-pattern attributes itself, bypassing the attribute guard: a name
                # refused on some type may appear only where nothing read natively reaches sandbox code
                # (the size-guard pass reads captures through the guard: `Call(name=n)`, `Call(name=str()
                # as n)`), as dataclass fields named `name`, `value`, `args` or `start` are common.
                self.fail(node, f"class patterns cannot match the attribute '{name}' in the sandbox")
        self.generic_visit(node)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.name:
            self.check_name(node, node.name)
        self.generic_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self.check_name(node, node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        if node.rest:
            self.check_name(node, node.rest)
        self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.check_name(node, node.name)
        self.generic_visit(node)

    def visit_alias(self, node: ast.alias) -> None:  # pragma: no cover - handled by the import visitors
        pass

    def visit(self, node: ast.AST) -> None:
        handler = self.handlers.get(type(node))
        if handler is not None:
            handler(self, node)
        elif type(node) not in OPERATOR_LEAVES:
            self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> None:
        feature = _REFUSED_NODES.get(type(node))
        if feature is not None:
            self.fail(node, feature)
        visit = self.visit
        for field in child_fields(type(node)):
            value = getattr(node, field)
            if type(value) is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        visit(item)
            elif isinstance(value, ast.AST):
                visit(value)


# Syntax nodes outside the subset, with the message that names the feature. Every other node type in
# Python 3.11's grammar is supported.
_REFUSED_NODES: dict[type[ast.AST], str] = {}


# The tree walk above can only refuse a program whose text contains one of these: a name or attribute
# starting with an underscore (reserved, private and dunder names), an import, a class keyword, a call
# of `type`, or a `match` statement. An ASCII source without any of them passes the walk by
# construction, so the walk is skipped (it is a third of the front end's cost on typical glue code).
# A new rule in `_Checker` must add its trigger here; tests/test_check_fast_path.py keeps them in step.
# (Plain `in` and `find` scans: CPython's `re` costs several times more per character here.)
_WALK_WORDS = ('import', 'metaclass', 'type', 'match', 'case')
_NESTED_FIELD = re.compile(r'\{[^{}]*\{')
# A format spec is `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`: a big width or
# precision sits within a dozen characters after the field's colon (`{x:>100000}`, `{x:,.100000f}`).
_BIG_SPEC_NUMBER = re.compile(r':[^{}]{0,12}?\d{5}')


def _needs_walk(source: str) -> bool:
    if not source.isascii():
        return True  # identifiers are NFKC-normalised: a non-ASCII letter may read as `_`
    for word in _WALK_WORDS:
        if word in source:
            return True
    at = source.find('_')
    while at != -1:
        if at == 0 or not (source[at - 1].isalnum() or source[at - 1] == '_'):
            return True  # a name starting with `_`
        at = source.find('_', at + 1)
    return False


def _may_be_size_sensitive(source: str) -> bool:
    """Whether the text may hold what the size-guard pass rewrites: `*`, `**`, `%`, `<<`, or a
    format spec with a nested field or a big width (`{x:{w}}`, `{x:>100000}`). Over-approximates."""
    if '*' in source or '%' in source or '<<' in source:
        return True
    return '{' in source and (
        _NESTED_FIELD.search(source) is not None or _BIG_SPEC_NUMBER.search(source) is not None
    )


def check_tree(tree: ast.Module, source: str, filename: str) -> bool:
    """Refuse syntax and names outside the sandbox's subset; raise `MontySyntaxError` on the first one.

    Returns whether the tree holds anything the size-guard pass rewrites (so it can be skipped).
    """
    if not _needs_walk(source):
        return _may_be_size_sensitive(source)
    checker = _Checker(source.splitlines(), filename)
    checker.visit(tree)
    return checker.size_sensitive


def parse(source: str, filename: str) -> ast.Module:
    """Parse `source`, turning CPython's `SyntaxError` into `MontySyntaxError` in the user's coordinates."""
    import ast as _ast

    try:
        return _ast.parse(source, filename=filename, type_comments=False)
    except SyntaxError as e:
        lines = source.splitlines()
        line = e.lineno
        text = lines[line - 1] if line and 0 < line <= len(lines) else e.text
        raise MontySyntaxError(
            e.msg,
            filename=filename,
            line=line,
            column=e.offset,
            end_line=e.end_lineno,
            end_column=e.end_offset,
            source_line=text.rstrip('\n') if text else None,
        ) from None
    except (ValueError, MemoryError, RecursionError) as e:
        # NUL bytes, or a source nested too deeply for the parser.
        raise MontySyntaxError(f'cannot parse the code: {e}', filename=filename) from None


def _guardable_kwd_pattern(sub: ast.pattern) -> bool:
    """A class-pattern keyword sub-pattern the size-guard pass keeps away from native reads: a capture
    (`name=n`, read through the guard), an inert pattern (`name='x'`), or an inert pattern with a
    capture (`name=str() as n`, matched natively, the capture read through the guard)."""
    if isinstance(sub, ast.MatchAs) and (sub.pattern is None or inert_pattern(sub.pattern)):
        return True
    return inert_pattern(sub)
