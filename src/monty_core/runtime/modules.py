"""Sandbox modules: the registry, and the `__import__` that sandbox `import` statements call.

A sandbox module is a fresh `SandboxModule` (a `types.ModuleType` subclass no host module has) holding
only its exports (plus `__name__`/`__doc__`); it is never the host's module object, and the guard tells
the two apart by their exact type. Modules are built per run by a
factory (they may hold per-run state such as `sys.stdout`), cached in the run's importer.

Register a module with `register_module('name', factory)`, where `factory(ctx)` returns a dict of
exports; `ctx` is the run's `RunContext`.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ModuleFactory = Callable[['RunContext'], dict[str, Any]]

_REGISTRY: dict[str, ModuleFactory] = {}

# Modules that exist in CPython but are deliberately absent, with the reason given to the user.
_ABSENT_REASON = {
    name: 'file, network and process access happen only through host functions'
    for name in (
        'os',
        'pathlib',
        'subprocess',
        'socket',
        'shutil',
        'io_open',
        'tempfile',
        'glob',
        'signal',
        'multiprocessing',
        'threading',
        'ctypes',
        'urllib.request',
        'http',
        'requests',
        'ssl',
        'select',
        'asyncio.subprocess',
        'importlib',
        'builtins',
        'inspect',
        'pickle',
        'marshal',
        'shelve',
        'sqlite3',
        'fcntl',
        'resource',
        'pty',
        'platform',
        'sysconfig',
        'code',
        'codeop',
        'runpy',
    )
}


@dataclass
class RunContext:
    """What a module factory may use from the run it is imported into."""

    stdout: Any
    stderr: Any
    max_depth: int
    meter: Any
    hooks: dict[str, Any] = field(default_factory=dict)


def register_module(name: str, factory: ModuleFactory) -> None:
    """Offer module `name` to sandbox code; `factory(ctx)` returns its exports."""
    _REGISTRY[name] = factory


def available_modules() -> list[str]:
    """Names of every module sandbox code can import."""
    return sorted(_REGISTRY)


class SandboxModule(types.ModuleType):
    """The type of every module sandbox code can import (`type(math)` shows `<class 'module'>`).

    Its own type, so that the attribute guard decides by `type(obj) is SandboxModule`: a host module
    that leaked would be a plain `ModuleType`, which is opaque to sandbox code.
    """


SandboxModule.__name__ = SandboxModule.__qualname__ = 'module'
SandboxModule.__module__ = 'builtins'


def make_module(name: str, exports: dict[str, Any], doc: str | None = None) -> SandboxModule:
    """A fresh `SandboxModule` named `name`, holding `exports` (and `doc` as its `__doc__`)."""
    module = SandboxModule(name, doc)
    for key, value in exports.items():
        module.__dict__[key] = value
    return module


def _run_ended() -> RunContext:
    raise RuntimeError('the run has ended')


class Importer:
    """The `__import__` of one run."""

    def __init__(self, ctx: RunContext | Callable[[], RunContext]) -> None:
        self._ctx = ctx  # or a function making it at the first import
        self.cache: dict[str, SandboxModule] = {}

    def close(self) -> None:
        """At the end of the run: drop the function that would make the context (it leads back to the
        run), so a finished run holds no reference cycle through its importer."""
        if not isinstance(self._ctx, RunContext):
            self._ctx = _run_ended

    @property
    def ctx(self) -> RunContext:
        """The run's context, made at first use when the importer was given a function to make it."""
        ctx = self._ctx
        if not isinstance(ctx, RunContext):
            ctx = self._ctx = ctx()
        return ctx

    def load(self, name: str) -> SandboxModule:
        """The sandbox module `name`: built by its factory at the first import and cached for the run (a
        submodule also loads its parent and is set on it); unknown names raise `ModuleNotFoundError`."""
        module = self.cache.get(name)
        if module is not None:
            return module
        factory = _REGISTRY.get(name)
        if factory is None:
            top = name.split('.')[0]
            reason = _ABSENT_REASON.get(name) or _ABSENT_REASON.get(top)
            if reason is not None:
                raise ModuleNotFoundError(
                    f"No module named '{name}': not available in the sandbox ({reason})"
                )
            raise ModuleNotFoundError(f"No module named '{name}'")
        module = make_module(name, factory(self.ctx))
        self.cache[name] = module
        if '.' in name:
            parent_name, _, child = name.rpartition('.')
            parent = self.load(parent_name)
            parent.__dict__[child] = module
        return module

    def import_module(self, name: str, leaf: bool = False) -> SandboxModule:
        """`import a.b` (binds the top package `a`) or, with `leaf`, `import a.b as c` (binds `a.b`)."""
        parts = name.split('.')
        for i in range(len(parts)):
            self.load('.'.join(parts[: i + 1]))
        return self.load(name if leaf else parts[0])

    def import_from(self, name: str, names: tuple[str, ...]) -> tuple[Any, ...]:
        """`from name import a, b`: each name from the sandbox module's own exports, or a registered
        submodule; never from anywhere else (CPython's `IMPORT_FROM` would fall back to the host's
        `sys.modules['name.a']`). A relative import (`name` starts with a dot) fails as in a script."""
        if name.startswith('.'):
            raise ImportError('attempted relative import with no known parent package')
        module = self.load(name)
        exports = module.__dict__
        out: list[Any] = []
        for item in names:
            if not item.startswith('_') and item in exports:
                out.append(exports[item])
            elif f'{name}.{item}' in _REGISTRY:
                out.append(self.load(f'{name}.{item}'))
            else:
                raise ImportError(f"cannot import name '{item}' from '{name}' (unknown location)", name=name)
        return tuple(out)

    def __call__(
        self,
        name: str,
        globals: Any = None,
        locals: Any = None,
        fromlist: Any = (),
        level: int = 0,
    ) -> SandboxModule:
        """`__import__`, for C code that imports through the frame's builtins (`PyImport_Import`):
        it only ever gets sandbox modules. Sandbox `import` statements compile to `import_module` and
        `import_from` instead."""
        if level:
            raise ImportError('attempted relative import with no known parent package')
        if type(name) is not str:
            raise TypeError('module name must be str')
        if fromlist:
            module = self.load(name)
            for item in fromlist:
                sub = f'{name}.{item}'
                if type(item) is str and sub in _REGISTRY and item not in module.__dict__:
                    self.load(sub)
            return module
        return self.import_module(name)
