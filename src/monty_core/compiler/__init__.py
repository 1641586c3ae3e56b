"""The compiler pipeline: parse -> check -> rewrite -> CPython bytecode.

`compile_program(source, script_name)` runs every stage and returns a `Program`, cached by source and
script name so a `Monty` built twice from the same code compiles once.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import CodeType

from ..runtime.plain_reads import generation, is_plain_safe
from .check import check_tree, parse
from .opentypes import OpenFacts
from .rewrite import rewrite_module
from .sizeguard import guard_sizes

__all__ = ['Program', 'compile_program']


@dataclass(frozen=True, eq=False)
class Program:
    """A compiled sandbox program: immutable, shareable between runs and threads."""

    source: str
    script_name: str
    code: CodeType
    is_async: bool = False
    shared_globals: bool = False
    # The allow-lists' generation the code was compiled against (`plain_reads.generation()`): which names
    # read plainly depends on them, so a program compiled before a type was registered is recompiled.
    generation: int = 0

    def current(self) -> Program:
        """This program, or the same source compiled again if types were registered since."""
        if self.generation == generation():
            return self
        return compile_program(self.source, self.script_name, self.shared_globals)

    # Needed only to describe an error: computed then, not for every compiled program.
    @cached_property
    def codes(self) -> frozenset[CodeType]:
        """Every code object of the program (the module's and its functions', nested)."""
        return _all_codes(self.code)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The source's lines, for tracebacks."""
        return tuple(self.source.splitlines())


def _all_codes(code: CodeType) -> frozenset[CodeType]:
    out = {code}
    stack = [code]
    while stack:
        for const in stack.pop().co_consts:
            if isinstance(const, CodeType) and const not in out:
                out.add(const)
                stack.append(const)
    return frozenset(out)


@lru_cache(maxsize=1)
def _builtin_names() -> frozenset[str]:
    from ..runtime.builtins import RUN_NAMES, TEMPLATE

    return frozenset(TEMPLATE) | RUN_NAMES


def compile_program(source: str, script_name: str, shared_globals: bool = False) -> Program:
    """Parse, check and compile `source`; raise `MontySyntaxError` for anything outside the subset.

    `shared_globals`: the program runs in globals that code compiled separately also binds (a REPL's
    snippets), so nothing is assumed about a global's value.
    """
    return _compile(source, script_name, shared_globals, generation())


@lru_cache(maxsize=256)
def _compile(source: str, script_name: str, shared_globals: bool, gen: int) -> Program:
    from ..errors import MontySyntaxError

    tree = parse(source, script_name)
    if check_tree(tree, source, script_name):
        tree = guard_sizes(tree)
    facts = OpenFacts(tree, shared_globals=shared_globals, builtin_names=_builtin_names())
    tree = rewrite_module(tree, is_plain_safe, facts)
    try:
        code = compile(tree, script_name, 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as e:
        lines = source.splitlines()
        line = e.lineno
        raise MontySyntaxError(
            e.msg,
            filename=script_name,
            line=line,
            column=e.offset,
            source_line=lines[line - 1] if line and 0 < line <= len(lines) else None,
        ) from None
    is_async = bool(code.co_flags & 0x80)  # CO_COROUTINE: the module has a top-level await
    return Program(source, script_name, code, is_async, shared_globals, gen)
