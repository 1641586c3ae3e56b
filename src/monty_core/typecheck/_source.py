"""What monty learns from the user's code with `ast` alone: where top-level `await` is (which the
sandbox allows and ty, checking a plain module, flags), and which imports the sandbox cannot serve."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

__all__ = [
    'SANDBOX_MODULES',
    'SourceFacts',
    'UnavailableImport',
    'analyze',
    'declared_names',
    'split_lines',
]

#: The modules sandbox code may import. `type_check(..., modules=...)` takes another collection.
SANDBOX_MODULES: frozenset[str] = frozenset(
    {
        'sys',
        'typing',
        'typing_extensions',
        'asyncio',
        'dataclasses',
        'json',
        'math',
        'cmath',
        'statistics',
        'decimal',
        'fractions',
        're',
        'datetime',
        'time',
        'zoneinfo',
        'collections',
        'collections.abc',
        'itertools',
        'functools',
        'operator',
        'copy',
        'base64',
        'binascii',
        'hashlib',
        'hmac',
        'string',
        'textwrap',
        'unicodedata',
        'uuid',
        'random',
        'enum',
        'abc',
        'contextlib',
        'pprint',
        'html',
        'urllib.parse',
        'csv',
        'io',
    }
)

# A compiler directive rather than a module: never reported (the compiler decides what it accepts).
_ALWAYS_IMPORTABLE = frozenset({'__future__'})

_LINE_BREAK = re.compile(r'\r\n|\r|\n')


def split_lines(text: str) -> list[str]:
    """Split on `\\n`, `\\r\\n` and `\\r` only, as ty and the Python tokenizer count lines."""
    return _LINE_BREAK.split(text)


@dataclass(frozen=True, slots=True)
class UnavailableImport:
    """An import the sandbox cannot serve; positions are 1-based, columns in characters."""

    module: str
    relative: bool
    line: int
    column: int
    end_line: int
    end_column: int
    # Lines of the whole import statement: ty's own unresolved-import reports there are dropped.
    statement_lines: tuple[int, int]


@dataclass(slots=True)
class SourceFacts:
    """`parsed` is False when `ast` cannot parse the code (ty then reports the syntax errors)."""

    parsed: bool
    # (line, 0-based character column) where a top-level await / async for / async with /
    # async comprehension starts: ty's `invalid-syntax` report there is dropped.
    top_level_async: set[tuple[int, int]] = field(default_factory=set[tuple[int, int]])
    unavailable_imports: list[UnavailableImport] = field(default_factory=list[UnavailableImport])


def module_available(name: str, modules: Collection[str]) -> bool:
    """A listed module, a package of a listed module (`urllib` for `urllib.parse`), or `__future__`."""
    if name in modules or name in _ALWAYS_IMPORTABLE:
        return True
    prefix = name + '.'
    return any(m.startswith(prefix) for m in modules)


def analyze(code: str, modules: Collection[str]) -> SourceFacts:
    """Parse `code` and collect its top-level async constructs and its unavailable imports."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return SourceFacts(parsed=False)
    lines = split_lines(code)
    tokens = _tokens(code)
    facts = SourceFacts(parsed=True)
    walker = _Walker(lines, tokens, facts)
    walker.visit_body(tree.body, top=True)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not module_available(alias.name, modules):
                    line, col = walker.position(alias.lineno, alias.col_offset)
                    end_line, end_col = walker.position(
                        alias.end_lineno or alias.lineno, alias.end_col_offset or alias.col_offset
                    )
                    facts.unavailable_imports.append(
                        UnavailableImport(
                            alias.name,
                            False,
                            line,
                            col + 1,
                            end_line,
                            end_col + 1,
                            (node.lineno, node.end_lineno or node.lineno),
                        )
                    )
        elif isinstance(node, ast.ImportFrom):
            missing = _missing_from_import(node, modules)
            if missing is not None:
                (line, col), (end_line, end_col) = walker.module_range(node)
                facts.unavailable_imports.append(
                    UnavailableImport(
                        missing,
                        node.level > 0,
                        line,
                        col + 1,
                        end_line,
                        end_col + 1,
                        (node.lineno, node.end_lineno or node.lineno),
                    )
                )
    return facts


def _missing_from_import(node: ast.ImportFrom, modules: Collection[str]) -> str | None:
    """The module name to report for `from X import a, b`, or None when the sandbox has it all."""
    module = node.module or ''
    if node.level:
        return '.' * node.level + module
    if not module_available(module, modules):
        return module
    if module in modules or module in _ALWAYS_IMPORTABLE:
        return None
    # `module` is only a package of listed modules (`urllib`): each name must be a listed submodule.
    for alias in node.names:
        if alias.name != '*' and f'{module}.{alias.name}' not in modules:
            return f'{module}.{alias.name}'
    return None


_Token = tuple[int, str, tuple[int, int], tuple[int, int]]


def _tokens(code: str) -> list[_Token]:
    try:
        return [
            (tok.type, tok.string, tok.start, tok.end)
            for tok in tokenize.generate_tokens(io.StringIO(code).readline)
        ]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


class _Walker:
    """Finds the async constructs that run at module level (where the sandbox, like
    `asyncio`'s REPL, accepts them) and converts `ast`'s UTF-8 byte columns to characters."""

    def __init__(self, lines: list[str], tokens: list[_Token], facts: SourceFacts) -> None:
        self.lines = lines
        self.tokens = tokens
        self.facts = facts

    def position(self, lineno: int, col_offset: int) -> tuple[int, int]:
        """`ast` position (1-based line, UTF-8 byte column) -> (line, 0-based character column)."""
        if 1 <= lineno <= len(self.lines):
            text = self.lines[lineno - 1]
            if not text.isascii():
                return lineno, len(text.encode()[:col_offset].decode('utf-8', errors='replace'))
        return lineno, col_offset

    def start(self, node: ast.expr | ast.stmt) -> tuple[int, int]:
        return self.position(node.lineno, node.col_offset)

    def module_range(self, node: ast.ImportFrom) -> tuple[tuple[int, int], tuple[int, int]]:
        """The range of `X` in `from X import ...`, found with the tokenizer."""
        start = self.start(node)
        for index, (_, string, tok_start, _) in enumerate(self.tokens):
            if tok_start == start and string == 'from':
                parts = [
                    tok
                    for tok in self._until_import(index + 1)
                    if tok[0] in (tokenize.NAME, tokenize.OP) and tok[1] != '\\'
                ]
                if parts:
                    return parts[0][2], parts[-1][3]
                break
        end = self.position(node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)
        return start, end

    def _until_import(self, index: int) -> Iterator[_Token]:
        for tok in self.tokens[index:]:
            if tok[0] == tokenize.NAME and tok[1] == 'import':
                return
            yield tok

    # -- scopes -----------------------------------------------------------------------------------

    def visit_body(self, body: list[ast.stmt], *, top: bool) -> None:
        for stmt in body:
            self.visit(stmt, top=top)

    def visit(self, node: ast.AST, *, top: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            # Decorators, defaults and annotations run in the enclosing scope; the body does not.
            outer: list[ast.AST] = [*node.decorator_list, *node.args.defaults]
            outer += [d for d in node.args.kw_defaults if d is not None]
            outer += [a.annotation for a in _all_args(node.args) if a.annotation is not None]
            if node.returns is not None:
                outer.append(node.returns)
            for child in outer:
                self.visit(child, top=top)
            self.visit_body(node.body, top=False)
            return
        if isinstance(node, ast.Lambda):
            for child in [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)]:
                self.visit(child, top=top)
            self.visit(node.body, top=False)
            return
        if isinstance(node, ast.ClassDef):
            for child in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
                self.visit(child, top=top)
            self.visit_body(node.body, top=False)
            return
        if top:
            if isinstance(node, ast.Await | ast.AsyncFor | ast.AsyncWith):
                self.facts.top_level_async.add(self.start(node))
            elif isinstance(node, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                for generator in node.generators:
                    if generator.is_async:
                        self._add_async_keyword(node, generator)
        for child in ast.iter_child_nodes(node):
            self.visit(child, top=top)

    def _add_async_keyword(self, comp: ast.expr, generator: ast.comprehension) -> None:
        """ty reports an async comprehension at its `async` keyword, which `ast` does not locate:
        it is the last `async` token between the comprehension's start and the loop target."""
        low, high = self.start(comp), self.start(generator.target)
        found: tuple[int, int] | None = None
        for _, string, tok_start, _ in self.tokens:
            if tok_start >= high:
                break
            if tok_start >= low and string == 'async':
                found = tok_start
        if found is not None:
            self.facts.top_level_async.add(found)


def _all_args(args: ast.arguments) -> list[ast.arg]:
    out = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if args.vararg is not None:
        out.append(args.vararg)
    if args.kwarg is not None:
        out.append(args.kwarg)
    return out


def declared_names(stubs: str) -> set[str]:
    """The module-level names a stubs file defines (empty if it does not parse)."""
    try:
        tree = ast.parse(stubs)
    except (SyntaxError, ValueError):
        return set()
    names: set[str] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
            continue  # their bodies define no module-level names
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update(a.asname or a.name.split('.')[0] for a in node.names)
        pending.extend(ast.iter_child_nodes(node))
    return names
