"""`functools` in the sandbox.

Offered: `reduce` (its iterable consumed under the meter), `partial`, `lru_cache`, `cache`, `wraps`,
`update_wrapper`, `cmp_to_key`, `total_ordering`, `cached_property`, `singledispatch` (dispatch on
the first argument's class), `WRAPPER_ASSIGNMENTS`, `WRAPPER_UPDATES`. Left out: `partialmethod`,
`singledispatchmethod`, `reduce`'s C internals.

`wraps`/`update_wrapper` only write attributes onto sandbox functions and classes (never onto host
objects, which are shared between runs); `total_ordering` applies to sandbox classes only.
"""

from __future__ import annotations

import functools as _ft
import types
from typing import Any

from ..runtime.allowlists import ALLOWED
from ..runtime.classes import is_run_class
from ..runtime.guards import SANDBOX_GLOBALS_MARK, guarded_getattr
from ..runtime.modules import RunContext
from ._support import allow, metered

allow(_ft.partial, {'func', 'args', 'keywords'})
_LRU = type(_ft.lru_cache(None)(lambda: None))
allow(_LRU, {'cache_info', 'cache_clear', 'cache_parameters'})
allow(_ft._CacheInfo, {'hits', 'misses', 'maxsize', 'currsize', 'count', 'index'})
_KEY = type(_ft.cmp_to_key(lambda a, b: 0)(1))
allow(_KEY, {'obj'})
ALLOWED.setdefault(_ft.cached_property, frozenset())

_MISSING = object()


def _is_sandbox_target(obj: Any) -> bool:
    """Whether `obj` is the current run's own (its function, class or instance): the only things
    `update_wrapper` and `total_ordering` may change (a class every run shares must stay as it is)."""
    t = type(obj)
    if t is types.FunctionType:
        return SANDBOX_GLOBALS_MARK in obj.__globals__
    if isinstance(obj, type):
        return is_run_class(obj)
    return is_run_class(t)


def update_wrapper(
    wrapper: Any,
    wrapped: Any,
    assigned: Any = _ft.WRAPPER_ASSIGNMENTS,
    updated: Any = _ft.WRAPPER_UPDATES,
) -> Any:
    """Copy the wrapped function's name, doc and module onto a sandbox `wrapper`."""
    if not _is_sandbox_target(wrapper):
        return wrapper
    for attr in assigned:
        if attr not in _ft.WRAPPER_ASSIGNMENTS:
            continue
        try:
            value = guarded_getattr(wrapped, attr) if attr != '__annotations__' else {}
        except AttributeError:
            continue
        if isinstance(value, str) and attr != '__doc__':
            value = str.__str__(value)  # a name is plain text (a str subclass would run sandbox code)
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    if '__dict__' in updated and _is_sandbox_target(wrapped) and type(wrapped) is types.FunctionType:
        wrapper.__dict__.update(wrapped.__dict__)
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped: Any, assigned: Any = _ft.WRAPPER_ASSIGNMENTS, updated: Any = _ft.WRAPPER_UPDATES) -> Any:
    """Decorator form of `update_wrapper`."""

    def decorate(wrapper: Any) -> Any:
        return update_wrapper(wrapper, wrapped, assigned, updated)

    return decorate


def total_ordering(cls: Any) -> Any:
    """Fill in the missing rich comparisons of a sandbox class."""
    if not (type(cls) is type and is_run_class(cls)):
        raise TypeError('total_ordering() applies to classes defined in the sandbox')
    return _ft.total_ordering(cls)


def _lru_cache(maxsize: Any = 128, typed: bool = False) -> Any:
    if callable(maxsize) and isinstance(typed, bool):
        return _ft.lru_cache(128, typed)(maxsize)
    return _ft.lru_cache(maxsize, typed)


def _cache(user_function: Any) -> Any:
    return _ft.lru_cache(None)(user_function)


class _Dispatcher:
    """A `singledispatch` function: `register` implementations by class or annotation-free decorator."""

    __slots__ = ('__dict__', '_default', '_registry')

    def __init__(self, func: Any) -> None:
        self._default = func
        self._registry: dict[type, Any] = {}
        update_wrapper(self, func)

    def register(self, cls: Any, func: Any = None) -> Any:
        if func is None:
            if not isinstance(cls, type):
                raise TypeError(
                    'singledispatch.register() in the sandbox needs the class: use @f.register(int)'
                )

            def deco(f: Any) -> Any:
                self._registry[cls] = f
                return f

            return deco
        self._registry[cls] = func
        return func

    def dispatch(self, cls: type) -> Any:
        for klass in cls.__mro__:
            if klass in self._registry:
                return self._registry[klass]
        return self._default

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not args:
            # CPython names the function (`funcname = getattr(func, '__name__', ...)`).
            name = getattr(self._default, '__name__', 'singledispatch function')
            raise TypeError(f'{name} requires at least 1 positional argument')
        return self.dispatch(type(args[0]))(*args, **kwargs)


allow(_Dispatcher, {'register', 'dispatch'})


def _singledispatch(func: Any) -> _Dispatcher:
    return _Dispatcher(func)


def _factory(ctx: RunContext) -> dict[str, Any]:
    def reduce(function: Any, iterable: Any, *initial: Any) -> Any:
        if len(initial) > 1:
            raise TypeError(f'reduce expected at most 3 arguments, got {2 + len(initial)}')
        return _ft.reduce(function, metered(ctx, iterable), *initial)

    return {
        'reduce': reduce,
        'partial': _ft.partial,
        'lru_cache': _lru_cache,
        'cache': _cache,
        'wraps': wraps,
        'update_wrapper': update_wrapper,
        'cmp_to_key': _ft.cmp_to_key,
        'total_ordering': total_ordering,
        'cached_property': _ft.cached_property,
        'singledispatch': _singledispatch,
        'WRAPPER_ASSIGNMENTS': _ft.WRAPPER_ASSIGNMENTS,
        'WRAPPER_UPDATES': _ft.WRAPPER_UPDATES,
    }
