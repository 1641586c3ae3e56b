"""`dataclasses` in the sandbox: CPython's implementation applied to sandbox classes only.

CPython generates `__init__`, `__repr__`, `__eq__`, ... for the class; the generated functions run
ordinary attribute operations on sandbox instances and call sandbox default factories, which run
under the run's meter like any sandbox code. `make_dataclass` (class creation from data) is absent.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.guards import SANDBOX_CLASS_MARK
from ..runtime.modules import RunContext, register_module

ALLOWED[dataclasses.Field] = frozenset(
    {'name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash', 'compare', 'metadata', 'kw_only'}
)
ALLOWED[type(dataclasses.MISSING)] = frozenset()
ALLOWED[type(dataclasses.KW_ONLY)] = frozenset()
ALLOWED[dataclasses.InitVar] = frozenset({'type'})


def _check_class(cls: Any) -> None:
    if not (isinstance(cls, type) and SANDBOX_CLASS_MARK in cls.__dict__):
        raise TypeError('dataclass() should be applied to a class defined in the sandbox')


def dataclass(cls: Any = None, /, **kwargs: Any) -> Any:
    """`@dataclass` / `@dataclass(frozen=True, order=True, slots=True, kw_only=True, ...)`."""

    def wrap(klass: Any) -> Any:
        _check_class(klass)
        out = dataclasses.dataclass(**kwargs)(klass)
        if SANDBOX_CLASS_MARK not in out.__dict__:  # slots=True builds a new class
            type.__setattr__(out, SANDBOX_CLASS_MARK, True)
        return out

    if cls is None:
        return wrap
    return wrap(cls)


def _instance_only(fn: Any) -> Any:
    def checked(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f'{fn.__name__}() should be called on dataclass instances')
        return fn(obj, *args, **kwargs)

    checked.__name__ = checked.__qualname__ = fn.__name__
    return checked


def fields(class_or_instance: Any) -> tuple[dataclasses.Field[Any], ...]:
    """`dataclasses.fields`."""
    return dataclasses.fields(class_or_instance)


def _factory(ctx: RunContext) -> dict[str, Any]:
    return {
        'dataclass': dataclass,
        'field': dataclasses.field,
        'fields': fields,
        'asdict': _instance_only(dataclasses.asdict),
        'astuple': _instance_only(dataclasses.astuple),
        'replace': _instance_only(dataclasses.replace),
        'is_dataclass': dataclasses.is_dataclass,
        'MISSING': dataclasses.MISSING,
        'KW_ONLY': dataclasses.KW_ONLY,
        'InitVar': dataclasses.InitVar,
        'FrozenInstanceError': dataclasses.FrozenInstanceError,
    }


register_module('dataclasses', _factory)
