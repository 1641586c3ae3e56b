"""Sandbox modules: the registry, and the `__import__` that sandbox `import` statements call.

A sandbox module is a fresh `types.ModuleType` holding only its exports (plus `__name__`/`__doc__`),
marked as a sandbox module; it is never the host's module object. Modules are built per run by a
factory (they may hold per-run state such as `sys.stdout`), cached in the run's importer.

Register a module with `register_module('name', factory)`, where `factory(ctx)` returns a dict of
exports; `ctx` is the run's `RunContext`.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .guards import SANDBOX_MODULE_MARK

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
        'gc',
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


def make_module(name: str, exports: dict[str, Any], doc: str | None = None) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    module.__dict__[SANDBOX_MODULE_MARK] = True
    for key, value in exports.items():
        module.__dict__[key] = value
    return module


def _run_ended() -> RunContext:
    raise RuntimeError('the run has ended')


class Importer:
    """The `__import__` of one run."""

    def __init__(self, ctx: RunContext | Callable[[], RunContext]) -> None:
        self._ctx = ctx  # or a function making it at the first import
        self.cache: dict[str, types.ModuleType] = {}

    def close(self) -> None:
        """At the end of the run: drop the function that would make the context (it leads back to the
        run), so a finished run holds no reference cycle through its importer."""
        if not isinstance(self._ctx, RunContext):
            self._ctx = _run_ended

    @property
    def ctx(self) -> RunContext:
        ctx = self._ctx
        if not isinstance(ctx, RunContext):
            ctx = self._ctx = ctx()
        return ctx

    def load(self, name: str) -> types.ModuleType:
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

    def __call__(
        self,
        name: str,
        globals: Any = None,
        locals: Any = None,
        fromlist: Any = (),
        level: int = 0,
    ) -> types.ModuleType:
        if level:
            raise ImportError('relative imports are not supported in the sandbox')
        if type(name) is not str:
            raise TypeError('module name must be str')
        module = self.load(name)
        if fromlist:
            for item in fromlist:
                sub = f'{name}.{item}'
                if sub in _REGISTRY and item not in module.__dict__:
                    self.load(sub)
            return module
        # `import a.b` binds `a`: load every package on the path, return the top one.
        parts = name.split('.')
        for i in range(1, len(parts)):
            self.load('.'.join(parts[: i + 1]))
        return self.load(parts[0])
