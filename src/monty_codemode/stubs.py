"""Typed Python stubs for the tools `run_code` exposes, built with Pydantic AI's own `function_signature`.

Each selected tool becomes a `SandboxFunction`: a Python name the sandbox calls it by, the stub the model
reads (`async def name(*, arg: T) -> R` with its docstring, TypedDicts for object schemas) and the
mapping from the stub's parameter names back to the tool's real argument names (`from_` -> `from`,
`user_id` -> `user-id`), so a call from the sandbox reaches the tool with the names its schema declares.
"""

from __future__ import annotations

import builtins
import keyword
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic_ai.function_signature import FunctionSignature
from pydantic_ai.tools import ToolDefinition

__all__ = [
    'CodeModeReturnSchemaWarning',
    'SandboxCatalog',
    'SandboxFunction',
    'build_catalog',
    'python_name',
]

STUB_IMPORTS = 'from typing import Any, Literal, NotRequired, TypedDict'

_NON_IDENTIFIER = re.compile(r'[^a-zA-Z0-9_]')
# Names a tool function must not take: it would shadow a builtin the code relies on (`print`, `len`)
# or be rebound by an import (`asyncio`).
_RESERVED = frozenset(dir(builtins)) | frozenset(
    {'asyncio', 'typing', 'dataclasses', 'sys', 'json', 're', 'math'}
)


class CodeModeReturnSchemaWarning(UserWarning):
    """A tool inside `run_code` has no return schema, so its stub returns `Any`.

    The model then guesses the shape of the result. Give a function tool a return annotation, or an MCP
    tool an `outputSchema`; silence this category with `warnings.filterwarnings('ignore', category=...)`.
    """


def python_name(tool_name: str, modules: Iterable[str] = ()) -> str:
    """The Python identifier a tool is called by inside the sandbox.

    Characters outside `[A-Za-z0-9_]` become `_`; a keyword gets a trailing `_`; a name that would
    shadow a builtin or a sandbox module, or that starts with `_` (reserved for the sandbox's own
    names), gets a `_tool` suffix or a `tool` prefix.
    """
    name = _NON_IDENTIFIER.sub('_', tool_name) or 'tool'
    if name[0].isdigit():
        name = f'_{name}'
    if name.startswith('_'):
        name = f'tool{name}'
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name = f'{name}_'
    if name in _RESERVED or name in set(modules):
        name = f'{name}_tool'
    return name


@dataclass(frozen=True, kw_only=True)
class SandboxFunction:
    """One tool as the sandbox sees it."""

    name: str
    """The Python name the sandbox code calls."""
    tool_name: str
    """The tool's real name, used when dispatching the call."""
    tool_def: ToolDefinition
    """The tool's definition (its `name` is the Python name, so stubs and type names use it)."""
    parameters: Mapping[str, str]
    """Stub parameter name -> the tool's real argument name (identical for most parameters)."""
    accepts_extra: bool
    """Whether the schema allows arguments it does not list (they are passed through unchanged)."""
    is_async: bool
    """`async def` in the stub; `False` for `sequential` tools, which run alone and are called without `await`."""

    def tool_args(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Map a sandbox call's arguments to the tool's real argument names.

        Raises:
            TypeError: positional arguments, or a keyword the stub does not declare (as Python would).
        """
        if args:
            n = len(args)
            raise TypeError(
                f'{self.name}() takes keyword arguments only ({n} positional argument{"s" if n != 1 else ""} '
                f'given): call it as {self.name}({", ".join(f"{p}=..." for p in self.parameters) or ""})'
            )
        real: dict[str, Any] = {}
        real_names = set(self.parameters.values())
        for key, value in kwargs.items():
            target = self.parameters.get(key)
            if target is None:
                if key in real_names or self.accepts_extra:
                    target = key  # the real name, e.g. passed as **{'user-id': 1}
                else:
                    raise TypeError(f"{self.name}() got an unexpected keyword argument '{key}'")
            if target in real:
                raise TypeError(f"{self.name}() got multiple values for argument '{key}'")
            real[target] = value
        return real

    def argument_name(self, real_name: str) -> str:
        """The stub's name for one of the tool's real argument names."""
        for py, real in self.parameters.items():
            if real == real_name:
                return py
        return real_name


@dataclass(frozen=True, kw_only=True)
class SandboxCatalog:
    """The sandbox functions of one run step, with their rendered stubs."""

    functions: dict[str, SandboxFunction] = field(default_factory=dict[str, SandboxFunction])
    """By Python name."""
    type_definitions: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    missing_return_schema: tuple[str, ...] = ()
    """Tools whose stub returns `Any` because they have no return schema."""

    @property
    def by_tool_name(self) -> dict[str, SandboxFunction]:
        """The sandbox functions keyed by their tool's real name."""
        return {f.tool_name: f for f in self.functions.values()}

    @property
    def has_sync(self) -> bool:
        """Whether any function is a plain `def` (the description then says how those are called)."""
        return any(not f.is_async for f in self.functions.values())

    def catalog(self) -> str:
        """The stubs as shown to the model: type definitions, then one signature per function."""
        blocks = [*self.type_definitions, *self.signatures]
        return '\n\n'.join(blocks)

    def stubs(self) -> str:
        """The stubs module the type checker sees (the same declarations, with their imports)."""
        return '\n\n'.join([STUB_IMPORTS, *self.type_definitions, *self.signatures]) + '\n'


def _accepts_extra(schema: Mapping[str, Any]) -> bool:
    extra = schema.get('additionalProperties', True)
    return extra is not False


def build_catalog(tool_defs: Iterable[ToolDefinition], modules: Iterable[str] = ()) -> SandboxCatalog:
    """Build the sandbox functions and their stubs for these tools.

    Two tools whose Python names collide: the first keeps the name, the second is left out with a
    `UserWarning` (rename one of them, e.g. with `PrefixedToolset`).
    """
    modules = set(modules)
    defs: dict[str, tuple[str, ToolDefinition]] = {}
    for td in tool_defs:
        name = python_name(td.name, modules)
        if name in defs:
            warnings.warn(
                f'code mode: tool {td.name!r} and tool {defs[name][0]!r} both become the Python function '
                f'{name!r}; {td.name!r} is left out of run_code. Rename one of them.',
                UserWarning,
                stacklevel=2,
            )
            continue
        # A copy named as the sandbox calls it: type names derived from it are valid identifiers, and the
        # signature cached on the copy is ours to mutate (`get_conflicting_type_names` renames types).
        defs[name] = (td.name, replace(td, name=name))
    if not defs:
        return SandboxCatalog()

    signatures = [td.function_signature for _, td in defs.values()]
    conflicting = FunctionSignature.get_conflicting_type_names(signatures)
    type_definitions = FunctionSignature.render_type_definitions(signatures, conflicting)

    functions: dict[str, SandboxFunction] = {}
    rendered: list[str] = []
    missing: list[str] = []
    for name, (tool_name, td) in defs.items():
        is_async = not td.sequential
        rendered.append(td.render_signature('...', is_async=is_async, conflicting_type_names=conflicting))
        if not td.return_schema:
            missing.append(tool_name)
        functions[name] = SandboxFunction(
            name=name,
            tool_name=tool_name,
            tool_def=td,
            parameters={param.name: real for real, param in td.function_signature.params.items()},
            accepts_extra=_accepts_extra(td.parameters_json_schema),
            is_async=is_async,
        )
    return SandboxCatalog(
        functions=functions,
        type_definitions=tuple(type_definitions),
        signatures=tuple(rendered),
        missing_return_schema=tuple(missing),
    )


def warn_missing_return_schemas(names: Iterable[str], already_warned: set[str]) -> None:
    """Warn once (per name, per `already_warned` set) about tools whose stubs return `Any`."""
    new = [n for n in names if n not in already_warned]
    if not new:
        return
    already_warned.update(new)
    listed = ', '.join(repr(n) for n in new)
    warnings.warn(
        f'code mode: no return schema for {listed}, so the stub the model sees returns `Any`. '
        'Give the tool a return annotation (or an MCP `outputSchema`) so the model knows the shape of '
        'the result; filter `CodeModeReturnSchemaWarning` to silence this.',
        CodeModeReturnSchemaWarning,
        stacklevel=3,
    )
