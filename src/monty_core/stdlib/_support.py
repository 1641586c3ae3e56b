"""Helpers shared by the sandbox modules: metering, size budgets, host hooks and allow-list registration.

Host hooks (read from `RunContext.hooks`, wired by the API):

- `now`: `() -> float`, the current POSIX time in seconds. Backs `time.time()`, `datetime.now()`,
  `date.today()`. Without it those raise `RuntimeError` naming the fix.
- `monotonic`: `() -> float`, optional. Backs `time.monotonic()`/`perf_counter()`; without it they read
  the run's virtual clock (starts at 0, advanced by `time.sleep` and `asyncio.sleep`).
- `random_bytes`: `(n: int) -> bytes`. Seeds module-level `random.*` functions and makes `uuid4()`,
  `secrets.*`. Without it they raise `RuntimeError`; `random.Random(seed)` always works.
- `reserve`: `(nbytes: int) -> None`, optional. Called before a module function builds a result whose
  size it can predict; it raises `MemoryError` when the run's memory budget cannot hold it. Without it a
  fixed cap (`DEFAULT_MAX_RESULT_BYTES`) applies.
"""

from __future__ import annotations

import functools
import time
import types
import weakref
from collections.abc import Callable, Iterable
from itertools import compress
from operator import index as _index
from typing import Any, TypeVar, cast

import greenlet

from ..runtime.allowlists import ALLOWED, SELF_GUARDED
from ..runtime.bigints import check_int_bits
from ..runtime.classes import is_run_class, mark_run_class
from ..runtime.memory import CURRENT
from ..runtime.modules import RunContext
from ..runtime.plain_reads import reset_plain_cache
from ..runtime.sizecheck import METERED_TEXT

DEFAULT_MAX_RESULT_BYTES = 256 * 1024 * 1024
# The longest indent or prefix `textwrap` and `pprint` accept (each line of the output repeats it).
MAX_INDENT = 4096

# Containers whose size is already paid for: consumers may iterate them without ticks.
_IN_MEMORY = frozenset({list, tuple, str, dict, set, frozenset, bytes, bytearray})


_RUNS: weakref.WeakKeyDictionary[Any, RunContext] = weakref.WeakKeyDictionary()


def bind(ctx: RunContext) -> None:
    """Remember `ctx` as the run of the current greenlet (module factories run inside their run)."""
    _RUNS[greenlet.getcurrent()] = ctx


def forget_run(g: Any) -> None:
    """Drop the run bound to greenlet `g` (a run greenlet going back to its pool for the next run)."""
    if _RUNS.data:  # (a cheap test first: most runs import nothing)
        _RUNS.pop(g, None)


def current() -> RunContext:
    """The run whose sandbox code is executing (for shared host classes that need the meter). Only
    the current greenlet's run: never another run, however recently it ran on this thread."""
    ctx = _RUNS.get(greenlet.getcurrent())
    if ctx is None:
        raise RuntimeError('no sandbox run is active')
    return ctx


def ticked(ctx: RunContext, iterator: Any) -> Any:
    """An iterator over `iterator` that consults the run's meter every few thousand items."""
    return compress(iterator, ctx.meter.ticker)


def ticking(iterable: Any) -> Any:
    """An iterator over `iterable` that ticks the meter of the run executing on this thread (for
    shared host code that has no run context at hand), or `iterable` itself outside a run."""
    ticker = CURRENT.ticker
    return iterable if ticker is None else compress(iterable, ticker)


def metered(ctx: RunContext, iterable: Any) -> Any:
    """`iterable` itself when it is an in-memory container, else a ticking iterator over it (a long
    one ticks too: one C loop over 10^8 characters or 10^7 items takes a second or more)."""
    if type(iterable) in _IN_MEMORY and len(iterable) < METERED_TEXT:
        return iterable
    return compress(iterable, ctx.meter.ticker)


def materialize(ctx: RunContext, iterable: Any) -> list[Any]:
    """A list of the items of `iterable`, built under the meter."""
    if type(iterable) is list:
        return iterable
    return list(metered(ctx, iterable))


class MeteredList(list):  # type: ignore[type-arg]
    """A list whose iteration ticks the run's meter: handed to CPython's pure-Python code (the
    `statistics` functions) that loops over its data in host code, where no sandbox tick runs."""

    __slots__ = ('_ticker',)

    def __init__(self, items: Any, ticker: Any) -> None:
        super().__init__(items)
        self._ticker = ticker

    def __iter__(self) -> Any:
        return compress(list.__iter__(self), self._ticker)

    def __reversed__(self) -> Any:
        return compress(list.__reversed__(self), self._ticker)


def metered_list(ctx: RunContext, iterable: Any) -> list[Any]:
    """The items of `iterable` as a list that ticks whenever it is iterated (see `MeteredList`)."""
    return MeteredList(metered(ctx, iterable), ctx.meter.ticker)


def tick(ctx: RunContext) -> None:
    next(ctx.meter.ticker)


def remaining_time(ctx: RunContext) -> float | None:
    """Seconds of sandbox time left in the run, or None when it has no time limit."""
    meter = ctx.meter
    if meter.max_duration is None:
        return None
    used = meter.elapsed + (time.perf_counter() - meter.started)
    return max(meter.max_duration - used, 0.0)


def time_limit_exceeded(ctx: RunContext) -> BaseException:
    """Stop the run for exceeding its time limit; return the exception to raise."""
    meter = ctx.meter
    exc = TimeoutError(f'execution time limit exceeded ({meter.max_duration:g}s)')
    meter.stop(exc)
    return meter.stopped or exc


def reserve(ctx: RunContext, nbytes: int, what: str = 'result') -> None:
    """Refuse (with `MemoryError`) a result of about `nbytes` bytes that the run cannot afford."""
    hook = ctx.hooks.get('reserve')
    if hook is not None:
        hook(nbytes)
        return
    if nbytes > DEFAULT_MAX_RESULT_BYTES:
        raise MemoryError(f'{what} would be too large for the sandbox (about {nbytes} bytes)')


def reserve_per_item(ctx: RunContext, count: Any, nbytes: int, what: str) -> None:
    """`reserve` for `count` items of `nbytes` each, `count` being an argument CPython reads as an int
    (its value: never a sandbox subclass's `__mul__`); any other type is left to CPython's own error."""
    if isinstance(count, int):
        reserve(ctx, _index(count) * nbytes, what)


def hook(ctx: RunContext, key: str, what: str) -> Any:
    """The host hook `key`, or a `RuntimeError` explaining that `what` needs it."""
    fn = ctx.hooks.get(key)
    if fn is None:
        raise RuntimeError(
            f'{what} is not available: the sandbox has no {_HOOK_DOC[key]} '
            f"(the host must provide the '{key}' hook; runs are deterministic without it)"
        )
    return fn


_HOOK_DOC = {
    'now': 'real clock',
    'random_bytes': 'source of randomness',
}


def host_now(what: str) -> float:
    """The current POSIX time from the host's `now` hook (`datetime.now()`, `time.time()`, ...)."""
    value = hook(current(), 'now', what)()
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise RuntimeError("the host's now hook must return a float (POSIX seconds)")
    return float(value)


def random_bytes(ctx: RunContext, n: int, what: str) -> bytes:
    data = hook(ctx, 'random_bytes', what)(n)
    if type(data) is not bytes or len(data) != n:
        raise RuntimeError(f"the host's random_bytes hook must return {n} bytes")
    return data


def host_export(value: Any) -> Any:
    """A host module's attribute as a run may hold it: a mutable container is copied for the run (the
    host's own list, `urllib.parse.uses_netloc`, changes the host's behaviour and every other run's);
    a function behind an `lru_cache` is reached through a plain function (its `cache_clear` and
    `cache_info` act on a cache the host and every run share)."""
    if type(value) in (list, dict, set, bytearray):
        return type(value)(value)
    if type(value) is functools._lru_cache_wrapper:  # type: ignore[attr-defined]
        cached = value

        def call(*args: Any, **kwargs: Any) -> Any:
            return cached(*args, **kwargs)

        functools.update_wrapper(call, cached, updated=())
        del call.__wrapped__  # type: ignore[attr-defined]
        return call
    return value


def public_names(t: type, exclude: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(n for n in dir(t) if not n.startswith('_')) - frozenset(exclude)


def allow(t: type, names: Iterable[str]) -> None:
    """Register `t`'s readable attributes for sandbox code."""
    ALLOWED[t] = frozenset(names)
    reset_plain_cache()


def allow_public(t: type, exclude: Iterable[str] = ()) -> None:
    allow(t, public_names(t, exclude))


def mark_sandbox_class(cls: type) -> type:
    """Make a host class the stdlib builds for the current run behave as if sandbox code had defined
    it: subclassable, and writable by that run alone (see `guards.mark_run_class`). Its methods are
    host functions sandbox code can read unbound and call on anything (`SimpleNamespace.__init__(
    shared_object, x=1)`): each is made to refuse a `self` (or `cls`) of a class this run did not make."""
    for name, value in list(cls.__dict__.items()):
        checked = _run_checked(name, value)
        if checked is not value:
            type.__setattr__(cls, name, checked)
    return mark_run_class(cls)


def _run_checked(name: str, value: Any) -> Any:
    """`value`, a class attribute, with its functions refusing objects of other runs and the host."""
    if name == '__init_subclass__':  # (runs inside `type.__new__`, before the class builder marks it)
        return value
    t = type(value)
    if t is types.FunctionType and not getattr(value, '_checks_run', False):
        return of_run_member(value)
    if t is classmethod and type(value.__func__) is types.FunctionType:
        return classmethod(of_run_class(value.__func__))
    if t is property:
        return property(
            *(None if f is None else _run_checked('', f) for f in (value.fget, value.fset, value.fdel))
        )
    return value


_F = TypeVar('_F', bound=Callable[..., Any])


# A stdlib class made per run may take its methods from module-level functions shared by every run.
# Sandbox code can call such a function unbound (`auto.__init__(shared_object)`): these decorators make
# it refuse a `self` (or `cls`) that is not of a class the current run made, so that it can neither
# read nor write another run's or the host's objects.
def _shown(fn: Any) -> str:
    name: str = fn.__name__
    return name if name.startswith('__') else name.lstrip('_')


def of_run_member(fn: _F) -> _F:
    """`fn(self, ...)` refusing a `self` whose class the current run did not make."""

    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_run_class(type(self)):
            raise TypeError(
                f'{fn.__name__.lstrip("_")}() needs an object of this run, not {type(self).__name__!r}'
            )
        return fn(self, *args, **kwargs)

    method.__name__, method.__qualname__, method.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    method._checks_run = True  # type: ignore[attr-defined]
    return cast(_F, method)


def of_run_class(fn: _F) -> _F:
    """`fn(cls, ...)` refusing a `cls` the current run did not make."""

    def method(cls: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_run_class(cls):
            raise TypeError(f'{_shown(fn)}() needs a class of this run, not {cls!r}')
        return fn(cls, *args, **kwargs)

    method.__name__, method.__qualname__, method.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    method._checks_run = True  # type: ignore[attr-defined]
    return cast(_F, method)


def copy_names(fn: Any, name: str, qualname: str | None = None) -> Any:
    fn.__name__ = name
    fn.__qualname__ = qualname or name
    return fn


class Sealed:
    """Mixin for host classes whose instances sandbox code may hold: attributes cannot be set."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")


def seal_set(obj: Any, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


def build(cls: type, **fields: Any) -> Any:
    """An instance of a `Sealed` class with its slots set (its `__init__` may refuse sandbox calls)."""
    obj = object.__new__(cls)
    for name, value in fields.items():
        object.__setattr__(obj, name, value)
    return obj


def no_init(cls: type) -> type:
    """Make `cls(...)` from sandbox code raise, as for CPython's uninstantiable types."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"cannot create '{cls.__module__}.{cls.__name__}' instances")

    type.__setattr__(cls, '__init__', __init__)
    return cls


# -- size-checked arithmetic for module functions that bypass the compiled operators ---------------
_SEQUENCES = (str, bytes, bytearray, list, tuple)


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def check_mul(ctx: RunContext, x: Any, y: Any) -> None:
    """Refuse `x * y` when it would build an oversized sequence or integer."""
    a: Any = x
    b: Any = y
    if _is_int(a) and isinstance(b, _SEQUENCES):
        a, b = b, a
    if isinstance(a, _SEQUENCES) and _is_int(b):
        width = 1 if isinstance(a, (str, bytes, bytearray)) else 8
        reserve(ctx, len(a) * max(b, 0) * width, 'repeated sequence')
    elif _is_int(x) and _is_int(y):
        bits: Any = x.bit_length() + y.bit_length()
        check_int_bits(bits, 'multiplication')


def check_pow(a: Any, b: Any) -> None:
    if _is_int(a) and _is_int(b) and b > 0 and abs(a) > 1:
        check_int_bits(a.bit_length() * b, 'power')


def check_lshift(a: Any, b: Any) -> None:
    if _is_int(a) and _is_int(b) and a and b > 0:
        check_int_bits(a.bit_length() + b, 'left shift')


_READY = '__monty_ready__'


class InitOnly:
    """Mixin for host classes with a `__dict__`: once `ready(self)` ran (end of `__init__`), sandbox
    code may set only the names in `_settable` (the registered-type setattr path is otherwise open)."""

    _settable: frozenset[str] = frozenset()

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get(_READY) and name not in type(self)._settable:
            raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self.__dict__.get(_READY):
            raise AttributeError(f"'{type(self).__name__}' object attribute '{name}' is read-only")
        object.__delattr__(self, name)


SELF_GUARDED.add(InitOnly)


def ready(obj: Any) -> None:
    obj.__dict__[_READY] = True
