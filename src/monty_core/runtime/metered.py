"""The builtins that consume or adapt iterables, metered: no builtin consumes an iterator in one C
call without ticks.

The consumers (`sum`, `min`, `max`, `sorted`, `any`, `all`, ...) wrap their argument in
`compress(iterable, T)` unless it is an in-memory container; the lazy adapters (`map`, `filter`,
`zip`, `enumerate`, `reversed`, `iter`) return ticked iterators, so any C code that drains them ticks
as well. `T`, the run's ticker, is carried by the run's greenlet (`getcurrent().ticker`). Sets are
iterated in canonical order (rendering.py). builtins.py puts these in every run's builtins.
"""

from __future__ import annotations

import builtins as _b
from collections.abc import Callable
from itertools import compress
from typing import Any

from greenlet import getcurrent

from . import sizecheck as _sizecheck
from .allowlists import ALLOWED, WRAPPERS
from .arity import NOARG, at_most, missing
from .rendering import SETS, canonical, ordered, stable_str

# Containers whose iteration is bounded by memory already: consumers iterate them directly.
_IN_MEMORY = frozenset({list, tuple, str, dict, set, frozenset, bytes, bytearray})


def _ticker() -> Any:
    """The running sandbox's ticker (its greenlet carries it)."""
    return getcurrent().ticker  # type: ignore[attr-defined]


def loop_iter(iterable: Any, ticker: Any) -> Any:
    """`_m_loop_iter`: what `for` loops and comprehensions iterate (metered, sets in canonical order)."""
    if type(iterable) in SETS:
        iterable = canonical(iterable)
    return compress(iterable, ticker)


def metered(iterable: Any) -> Any:
    """`iterable`, ticking the run's meter per item unless it is an in-memory container (a long one
    ticks too: one C loop over 10^8 characters or 10^7 items takes a second or more)."""
    t = type(iterable)
    if t in SETS:
        return canonical(iterable)
    if t in _IN_MEMORY and len(iterable) < _sizecheck.METERED_TEXT:
        return iterable
    return compress(iterable, _ticker())


def _meter_first(args: tuple[Any, ...]) -> tuple[Any, ...]:
    return (metered(args[0]), *args[1:]) if args else args


# Consumers: argument errors come from the real builtin, so messages match CPython's.
def sum(*args: Any, **kwargs: Any) -> Any:
    """sum(iterable, /, start=0) --> start plus the items, metered."""
    start = args[1] if len(args) > 1 else kwargs.get('start', 0)
    if args and type(start) is not int and type(start) is not float:
        if isinstance(start, (str, bytes, bytearray)) or len(args) > 2:
            return _b.sum(*args, **kwargs)  # CPython's own error
        # Summing sequences copies at every step, and one C call would hold the GIL (and so the
        # watchdog) off for all of them: step in bytecode, ticking per item.
        total = start
        for item in compress(args[0], _ticker()):
            total = total + item
        return total
    return _b.sum(*_meter_first(args), **kwargs)


def _text_key(kwargs: dict[str, Any]) -> dict[str, Any]:
    """`key=str` renders every item in one C loop: render through the sandbox's `str` instead, which
    weighs shared data first and renders sets and addresses stably (the sandbox's `repr` is that
    renderer already)."""
    if kwargs.get('key') is str:
        kwargs['key'] = stable_str
    return kwargs


def _list_sort(obj: list[Any]) -> Callable[..., None]:
    method = obj.sort

    def sort(*args: Any, **kwargs: Any) -> None:
        return method(*args, **_text_key(kwargs))

    return sort


WRAPPERS[(list, 'sort')] = _list_sort


def min(*args: Any, **kwargs: Any) -> Any:
    """min(iterable, *[, default=obj, key=func]) or min(arg1, arg2, *args, *[, key=func]) --> the
    smallest item, metered."""
    return _b.min(*_meter_first(args) if len(args) == 1 else args, **_text_key(kwargs))


def max(*args: Any, **kwargs: Any) -> Any:
    """max(iterable, *[, default=obj, key=func]) or max(arg1, arg2, *args, *[, key=func]) --> the
    largest item, metered."""
    return _b.max(*_meter_first(args) if len(args) == 1 else args, **_text_key(kwargs))


def sorted(*args: Any, **kwargs: Any) -> list[Any]:
    """sorted(iterable, /, *, key=None, reverse=False) --> new sorted list, metered."""
    if args:
        _sizecheck.check_items(args[0], 'sorted() of a text')
    return _b.sorted(*_meter_first(args), **_text_key(kwargs))


def any(*args: Any, **kwargs: Any) -> bool:
    """any(iterable, /) --> bool, metered."""
    return _b.any(*_meter_first(args), **kwargs)


def all(*args: Any, **kwargs: Any) -> bool:
    """all(iterable, /) --> bool, metered."""
    return _b.all(*_meter_first(args), **kwargs)


def iter(*args: Any) -> Any:
    """iter(iterable) or iter(callable, sentinel) --> iterator, metered."""
    if len(args) == 1 and type(args[0]) in SETS:
        return _b.iter(canonical(args[0]))
    it = _b.iter(*args)
    if len(args) == 2:
        return compress.__new__(callable_iterator, it, _ticker())
    if it is args[0] or (len(args) == 1 and type(args[0]) in _IN_MEMORY):
        return it  # already an iterator (keeps `iter(it) is it`), or bounded by memory
    return compress(it, _ticker())


# Lazy adapters: subclasses of the C-level `compress`, so iterating them stays in C and ticks; they
# keep CPython's names for `type(x).__name__` and isinstance checks.
class map(compress):
    """map(func, *iterables) --> map object, metered."""

    __slots__ = ()

    def __new__(cls, func: Any, *iterables: Any) -> map:
        """The ticked map; `map(str, rows)` renders each item through the sandbox's `str` (weighed,
        stable)."""
        if func is str and len(iterables) == 1:
            func = stable_str  # `map(str, rows)`: each item's text weighed and stable, as `str(row)`
        return compress.__new__(cls, _b.map(func, *_b.map(ordered, iterables)), _ticker())


class filter(compress):
    """filter(function or None, iterable) --> filter object, metered."""

    __slots__ = ()

    def __new__(cls, function: Any, iterable: Any, /) -> filter:
        """The ticked filter (a set's items in canonical order)."""
        return compress.__new__(cls, _b.filter(function, ordered(iterable)), _ticker())


class zip(compress):
    """zip(*iterables, strict=False) --> zip object, metered."""

    __slots__ = ()

    def __new__(cls, *iterables: Any, strict: bool = False) -> zip:
        """The ticked zip (sets' items in canonical order)."""
        return compress.__new__(cls, _b.zip(*_b.map(ordered, iterables), strict=strict), _ticker())


class enumerate(compress):
    """enumerate(iterable, start=0) --> enumerate object, metered."""

    __slots__ = ()

    def __new__(cls, iterable: Any = NOARG, start: int = 0, *more: Any) -> enumerate:
        """The ticked enumerate (a set's items in canonical order)."""
        if iterable is NOARG or more:
            raise at_most('enumerate', 2 + len(more), 2) if more else missing('enumerate', 'iterable')
        return compress.__new__(cls, _b.enumerate(ordered(iterable), start), _ticker())


class callable_iterator(compress):
    """What `iter(callable, sentinel)` returns, metered."""

    __slots__ = ()


class reversed(compress):
    """reversed(sequence) --> reverse iterator, metered."""

    __slots__ = ()

    def __new__(cls, sequence: Any, /) -> reversed:
        """The ticked reverse iterator of `sequence`."""
        return compress.__new__(cls, _b.reversed(sequence), _ticker())


for _adapter in (map, filter, zip, enumerate, reversed, callable_iterator):
    _adapter.__module__ = 'builtins'
    ALLOWED[_adapter] = frozenset()
for _fn in (sum, min, max, sorted, any, all, iter):
    _fn.__module__ = 'builtins'

CONSUMERS = (sum, min, max, sorted, any, all, iter)
ADAPTERS = (map, filter, zip, enumerate, reversed)
