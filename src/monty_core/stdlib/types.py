"""`types` in the sandbox: `SimpleNamespace` (a class of the run, so its instances' attributes are the
run's own), `MappingProxyType`, and the names of the builtin types sandbox code can already reach with
`type()` (`FunctionType`, `GeneratorType`, ...), for `isinstance` checks. Left out: `ModuleType`,
`CodeType`, `FrameType`, `TracebackType`, `new_class` and the other class-building helpers."""

from __future__ import annotations

import types as _types
from typing import Any

from ..runtime.modules import RunContext
from ..runtime.rendering import stable_repr
from ._support import mark_sandbox_class

_TYPE_NAMES = (
    'FunctionType',
    'LambdaType',
    'MethodType',
    'BuiltinFunctionType',
    'BuiltinMethodType',
    'GeneratorType',
    'CoroutineType',
    'AsyncGeneratorType',
    'MappingProxyType',
    'NoneType',
    'EllipsisType',
    'NotImplementedType',
)


def _simple_namespace_class() -> type:
    active: set[int] = set()  # namespaces being rendered (recursion guard, as Py_ReprEnter)

    class SimpleNamespace:
        """A simple attribute-based namespace."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if args:
                raise TypeError('no positional arguments expected')
            self.__dict__.update(kwargs)

        def __getattr__(self, name: str) -> Any:
            raise AttributeError(f"'types.SimpleNamespace' object has no attribute '{name}'")

        def __repr__(self) -> str:
            key = id(self)
            if key in active:
                return 'namespace(...)'
            active.add(key)
            try:
                fields = ', '.join(f'{k}={stable_repr(v)}' for k, v in self.__dict__.items())
            finally:
                active.discard(key)
            return f'namespace({fields})'

        def __eq__(self, other: object) -> bool:
            if not isinstance(self, SimpleNamespace) or not isinstance(other, SimpleNamespace):
                return NotImplemented
            return self.__dict__ == other.__dict__

        def __hash__(self) -> int:
            raise TypeError("unhashable type: 'types.SimpleNamespace'")

    SimpleNamespace.__module__ = 'types'
    SimpleNamespace.__qualname__ = 'SimpleNamespace'
    return mark_sandbox_class(SimpleNamespace)


def _types_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {name: getattr(_types, name) for name in _TYPE_NAMES}
    exports['SimpleNamespace'] = _simple_namespace_class()
    return exports
