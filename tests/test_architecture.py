"""The shape of the tree: no import cycles (function-level imports included), short modules, and each
compiler/runtime module reachable from its stage's package."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / 'src'
PACKAGES = ('monty_core', 'monty_codemode')
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((SRC / package).rglob('*.py')):
            parts = list(path.relative_to(SRC).with_suffix('').parts)
            if parts[-1] == '__init__':
                parts.pop()
            found['.'.join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == 'TYPE_CHECKING') or (
        isinstance(test, ast.Attribute) and test.attr == 'TYPE_CHECKING'
    )


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules of ours that `name` imports when it runs (any nesting level; not under TYPE_CHECKING)."""
    is_package = path.name == '__init__.py'
    package = name if is_package else name.rpartition('.')[0]
    targets: set[str] = set()

    def resolve(base: str, names: list[str]) -> None:
        for alias in names:
            sub = f'{base}.{alias}' if base else alias
            if sub in modules:
                targets.add(sub)
            elif base in modules:
                targets.add(base)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for stmt in child.orelse:
                    visit(stmt)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name in modules:
                        targets.add(alias.name)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = package.split('.')
                    base_parts = parts[: len(parts) - (child.level - 1)]
                    base = '.'.join(base_parts + ([child.module] if child.module else []))
                else:
                    base = child.module or ''
                if base.split('.')[0] in PACKAGES:
                    resolve(base, [a.name for a in child.names])
            visit(child)

    visit(ast.parse(path.read_text()))
    targets.discard(name)
    # Importing `a.b.c` runs the packages `a` and `a.b` first: those edges make every package
    # `__init__` that re-exports its members look cyclic, so only the named modules count.
    return targets


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    packages = {name for name, path in modules.items() if path.name == '__init__.py'}
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    # A package's `__init__` re-exporting its members is not a dependency of those members on it.
    for name in packages:
        graph[name] = {t for t in graph[name] if not t.startswith(name + '.')}
    return graph


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({'a': {'b'}, 'b': {'c'}, 'c': {'a'}, 'd': {'a'}}) == [['a', 'b', 'c']]


def test_modules_are_short() -> None:
    long = {
        name: n for name, path in _modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
