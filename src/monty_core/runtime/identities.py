"""Object identities the same in every process: a run's fake addresses.

Snapshots are replay logs (docs/pausing-and-snapshots.md), so a program given the same host answers
must do the same thing in every process; CPython shows memory addresses in default reprs and derives
default hashes from them. `Identities` holds a run's stand-ins: the n-th object whose identity the run
observes (by `hash()` or a default repr) gets the fake address `ADDRESS_BASE + 16 * n`, for as long as
it lives. The same object also keeps the run's per-run type sets that the compiled code's inline
tests read (`_m_plain_types`, `_m_run_classes`, `_m_open_types`).

The rest of what sandbox code sees the same in every process: hashes (hashing.py), renderings and set
order (rendering.py).
"""

from __future__ import annotations

from typing import Any
from weakref import KeyedRef

from greenlet import getcurrent

from ..hooks import IDENTITIES, OPEN_TYPES
from .arity import NOARG, exactly_one
from .classes import known_bases
from .plain_reads import open_types

_type = type
_id = id
_NoneType = _type(None)

ADDRESS_BASE = 0x7F0000000000  # fake addresses look like CPython's, 16-byte aligned
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE


# Types whose CPython repr (and str) shows neither addresses nor set order.
NATIVE_TEXT = frozenset(
    {
        str,
        int,
        float,
        bool,
        complex,
        bytes,
        bytearray,
        range,
        _NoneType,
        type,
        type(Ellipsis),
        type(NotImplemented),
    }
)


# -- identities ----------------------------------------------------------------------------------------
class Identities:
    """One run's fake addresses, by order of first observation; kept with the run's globals, so a
    REPL's snippets share them. An entry lives as long as its object (weakly referenced when the
    object allows it, else kept alive, so that no other object can take its address meanwhile)."""

    __slots__ = ('active', 'builtins', 'classes', 'count', 'forget', 'open', 'plain', 'table')

    def __init__(self) -> None:
        table: dict[int, tuple[int, Any]] = {}
        self.table = table
        self.count = 0
        self.active: set[int] = set()  # containers being rendered (recursion guard, as Py_ReprEnter)
        # Types whose CPython rendering is stable (`_m_plain_types`: the compiled code's inline test), grown
        # by the runtime helpers as the run meets them (sandbox classes, exceptions, ...).
        self.plain: set[type] = set(NATIVE_TEXT)
        # The run's sandbox classes (`_m_run_classes`): a method's stores to its own `self` skip the
        # attribute guard when `type(self)` is one of them (compiler/rewrite.py, `_self_check`).
        self.classes: set[type] = set()
        # The types whose plain attribute reads equal guarded ones (`_m_open_types`, the compiled code's
        # inline test): the shared `open_types()` until the run makes a class, then a copy of it
        # with the run's classes (see `add_class`).
        self.open: frozenset[type] | set[type] = open_types()
        self.builtins: dict[str, Any] | None = None  # the run's builtins, where `_m_open_types` is bound

        def forget(ref: Any) -> None:
            current = table.get(ref.key)
            if current is not None and current[1] is ref:
                del table[ref.key]

        self.forget = forget

    def add_class(self, cls: type) -> None:
        """Record a class the run made: its instances' plain attribute reads and its methods' plain
        stores to `self` are then let through by the compiled code's inline tests. Only a class every
        base of which the guard knows (sandbox classes, registered types): a plain read finds an
        attribute on any base, where the guard would apply that base's allow-list."""
        if not known_bases(cls):
            return
        self.classes.add(cls)
        open_ = self.open
        if not isinstance(open_, set):
            open_ = self.open = set(open_)
            if self.builtins is not None:
                self.builtins[OPEN_TYPES] = open_
        open_.add(cls)

    def number(self, obj: Any) -> int:
        """The run's number for `obj` (1 for the first object observed, and so on), given on first sight;
        its fake address is `ADDRESS_BASE + 16 * n`."""
        key = _id(obj)
        entry = self.table.get(key)
        if entry is not None:
            return entry[0]
        self.count += 1
        try:
            keep: Any = KeyedRef(obj, self.forget, key)
        except TypeError:
            keep = obj
        self.table[key] = (self.count, keep)
        return self.count


IDENTITIES_NAME = IDENTITIES  # where a run's `Identities` live in its globals (reserved name)


def current_identities() -> Identities | None:
    """The running sandbox's identities (None outside a run's greenlet)."""
    return getattr(getcurrent(), 'identities', None)


def address(obj: Any) -> str:
    """The fake address of `obj` in this run, formatted as CPython's `%p`."""
    ids = current_identities()
    if ids is None:
        return hex(_id(obj))  # not sandbox-observable: code outside a run cannot print or call out
    return hex(ADDRESS_BASE + 16 * ids.number(obj))


def sandbox_id(obj: Any = NOARG, /, *more: Any) -> int:
    """The sandbox's `id()`: the object's fake address (the number its default repr shows), unique
    among the run's live objects and the same in every process."""
    if more or obj is NOARG:
        raise exactly_one('id', len(more) + (obj is not NOARG))
    ids = current_identities()
    if ids is None:
        raise RuntimeError('no sandbox run is active')
    return ADDRESS_BASE + 16 * ids.number(obj)


def identity_hash(obj: Any) -> int:
    """CPython's pointer hash (`_Py_HashPointer`) of the fake address."""
    ids = current_identities()
    if ids is None:
        return object.__hash__(obj)
    return (ADDRESS_BASE >> 4) + ids.number(obj)


def type_name(t: type) -> str:
    """`tp_name` as CPython's C code prints it."""
    if t.__flags__ & _HEAPTYPE:
        return t.__name__
    mod = t.__module__
    return t.__name__ if mod == 'builtins' else f'{mod}.{t.__qualname__}'


def default_repr(obj: Any) -> str:
    """`object.__repr__` with the object's fake address."""
    t = _type(obj)
    mod = t.__module__
    if type(mod) is str and mod != 'builtins':
        return f'<{mod}.{t.__qualname__} object at {address(obj)}>'
    return f'<{type_name(t)} object at {address(obj)}>'


default_repr.__name__ = '__repr__'
default_repr.__qualname__ = 'object.__repr__'
