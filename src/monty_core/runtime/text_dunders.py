"""What sandbox code gets when it reads `__repr__`, `__str__`, `__format__` or `__hash__`.

CPython's C slots behind these (`object.__repr__`, a list's `__repr__`, `str.__hash__`, ...) would show
addresses or seeded hashes: the guard (guards.py, `TEXT_DUNDERS`) hands out the stable versions from
rendering.py and hashing.py instead, bound or unbound as the read was. Imported by builtins.py, which
every run imports, so the replacements are registered before any sandbox code runs.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from .guarded_ops import checked_format
from .guards import TEXT_DUNDERS
from .hashing import sandbox_hash
from .identities import default_repr
from .rendering import RENDERERS, exception_dunder, stable_format, stable_repr

_type = type


# -- `x.__repr__`, `object.__repr__`, `super().__repr__` read by sandbox code ----------------------------
def _object_str_unbound(self: Any) -> str:
    return stable_repr(self)


_object_str_unbound.__name__ = '__str__'
_object_str_unbound.__qualname__ = 'object.__str__'


def _unbound(base: type, render: Callable[[Any], str], name: str) -> Callable[[Any], str]:
    def method(self: Any) -> str:
        if not isinstance(self, base):
            raise TypeError(
                f"descriptor '{name}' for '{base.__name__}' objects doesn't apply to a "
                f"'{_type(self).__name__}' object"
            )
        return render(self)

    method.__name__ = name
    method.__qualname__ = f'{base.__name__}.{name}'
    return method


def _text_dunder(name: str, unbound_object: Callable[[Any], str]) -> Callable[[Any], Any]:
    """What a read of `name` ('__repr__' / '__str__') gives: CPython's C renderings replaced by the
    stable ones (`object.__repr__` by `default_repr`, never by the class's own repr)."""

    def replace(value: Any) -> Any:
        t = _type(value)
        if t is types.MethodWrapperType:
            owner = value.__objclass__
            if owner is object:
                render = default_repr if name == '__repr__' else stable_repr
            elif name == '__repr__' and owner in RENDERERS:
                render = RENDERERS[owner]
            elif issubclass(owner, BaseException):
                render = exception_dunder(owner.__dict__[name])
            else:
                return value
            return types.MethodType(render, value.__self__)
        if t is types.WrapperDescriptorType:
            owner = value.__objclass__
            if owner is object:
                return unbound_object
            if name == '__repr__' and owner in RENDERERS:
                return _unbound(owner, RENDERERS[owner], name)
            if issubclass(owner, BaseException):
                return _unbound(owner, exception_dunder(value), name)
        return value

    return replace


TEXT_DUNDERS['__repr__'] = _text_dunder('__repr__', default_repr)
TEXT_DUNDERS['__str__'] = _text_dunder('__str__', _object_str_unbound)


# -- `x.__hash__`, `x.__format__`, `object.__hash__`: CPython's C slots show addresses or seeded hashes --
def _bound_render(render: Callable[..., Any], name: str) -> Callable[[Any], Any]:
    def replace(value: Any) -> Any:
        t = _type(value)
        if t is types.MethodWrapperType or t is types.BuiltinMethodType:  # a C slot or C method, bound
            return types.MethodType(render, value.__self__)
        if t is types.WrapperDescriptorType or t is types.MethodDescriptorType:
            owner = value.__objclass__

            def method(self: Any, *args: Any) -> Any:
                if not isinstance(self, owner):
                    raise TypeError(
                        f"descriptor '{name}' for '{owner.__name__}' objects doesn't apply to a "
                        f"'{_type(self).__name__}' object"
                    )
                return render(self, *args)

            method.__name__ = name
            method.__qualname__ = f'{owner.__name__}.{name}'
            return method
        return value  # a sandbox class's own method

    return replace


def _format_dunder(self: Any, spec: Any = '', /) -> str:
    """`x.__format__(spec)` as `format(x, spec)` in the sandbox: an empty spec renders as `str()` does,
    a non-empty one is size-checked."""
    if isinstance(spec, str) and spec == '':
        return stable_format(self, '')
    return checked_format(self, spec)


TEXT_DUNDERS['__hash__'] = _bound_render(lambda self: sandbox_hash(self), '__hash__')
TEXT_DUNDERS['__format__'] = _bound_render(_format_dunder, '__format__')
