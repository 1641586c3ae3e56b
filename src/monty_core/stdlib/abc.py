"""`abc` in the sandbox, reimplemented.

The sandbox's class builder only makes plain classes (no metaclasses), so `ABC` is a per-run sandbox
class whose `__init_subclass__` does the metaclass's work: `class Shape(ABC)` with `@abstractmethod`
refuses to instantiate while abstract methods remain, with CPython's message. `ABCMeta` is exported for
imports only (`metaclass=` is not supported).
"""

from __future__ import annotations

# pyright: reportAttributeAccessIssue=false, reportCallIssue=false, reportArgumentType=false
import abc as _abc
import types
from typing import Any

from ..runtime.guards import SANDBOX_GLOBALS_MARK
from ..runtime.modules import RunContext
from ..runtime.standins import SandboxABCMeta
from ._support import mark_sandbox_class


def _abstractmethod(funcobj: Any) -> Any:
    """`abc.abstractmethod`: marks the run's own function or descriptor (CPython's sets an attribute on
    whatever it is given, a host function every run shares included)."""
    target = funcobj.__func__ if isinstance(funcobj, (staticmethod, classmethod)) else funcobj
    if type(target) is not types.FunctionType or SANDBOX_GLOBALS_MARK not in target.__globals__:
        return funcobj
    return _abc.abstractmethod(funcobj)


def _abc_factory(ctx: RunContext) -> dict[str, Any]:
    class ABC:
        """Helper class that provides a standard way to create an ABC using inheritance."""

        __slots__ = ()
        __abstract_names__: frozenset[str] = frozenset()

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            abstract = {
                name for name, value in cls.__dict__.items() if getattr(value, '__isabstractmethod__', False)
            }
            for base in cls.__mro__[1:]:
                for name in getattr(base, '__abstract_names__', ()):
                    if getattr(getattr(cls, name, None), '__isabstractmethod__', False):
                        abstract.add(name)
            type.__setattr__(cls, '__abstract_names__', frozenset(abstract))

        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            abstract = cls.__abstract_names__
            if abstract:
                names = sorted(abstract)
                plural = 's' if len(names) > 1 else ''
                raise TypeError(
                    f"Can't instantiate abstract class {cls.__name__} with abstract method{plural} "
                    f'{", ".join(names)}'
                )
            return object.__new__(cls)

    ABC.__module__ = 'abc'
    mark_sandbox_class(ABC)
    return {
        'ABC': ABC,
        'ABCMeta': SandboxABCMeta,
        'abstractmethod': _abstractmethod,
        'abstractclassmethod': _abc.abstractclassmethod,
        'abstractstaticmethod': _abc.abstractstaticmethod,
        'abstractproperty': _abc.abstractproperty,
    }
