"""What the compiled code may read with plain bytecode: the types whose plain attribute reads equal
guarded ones (`open_types`), and the names that may be read plainly on them (`is_plain_safe`).

The compiler asks `is_plain_safe` for each attribute name; the compiled code tests the receiver's type
against `open_types()` (plus the run's own classes) when it runs. Registering types or wrappers changes
both answers: `reset_plain_cache` forgets them, and programs compiled before are recompiled.
"""

from __future__ import annotations

import types

from .allowlists import ALLOWED, WRAPPERS, names_of
from .classes import SAFE_METACLASSES, STANDIN_METAS, is_builtin_exception
from .modules import SandboxModule

# -- types whose plain attribute reads equal guarded ones ----------------------------------------------
# C types whose attribute lookup is not CPython's generic one (bound methods forward to their
# function, generic aliases to their origin, modules and classes have their own), and interpreter
# internals: never read natively.
_NOT_OPEN: frozenset[type] = frozenset(
    {
        type,
        super,
        types.ModuleType,
        types.MethodType,
        types.FunctionType,
        types.GenericAlias,
        types.UnionType,
        types.SimpleNamespace,
        types.FrameType,
        types.CodeType,
        types.TracebackType,
        types.CellType,
        types.MappingProxyType,
        staticmethod,
        classmethod,
    }
)

_OPEN: list[frozenset[type] | None] = [None]


def _generic_lookup(t: type) -> bool:
    """Whether every class on `t`'s MRO leaves attribute lookup to CPython's generic algorithm."""
    for klass in t.__mro__:
        d = klass.__dict__
        if '__getattr__' in d:
            return False
        if '__getattribute__' in d and type(d['__getattribute__']) is not types.WrapperDescriptorType:
            return False  # a Python-level override
    return True


def open_types() -> frozenset[type]:
    """The registered types whose instances may be read with plain bytecode (`o.name` for a plain-safe
    name, see `is_plain_safe`): no instance `__dict__` (or, for builtin exceptions, one the guard reads
    the same way), CPython's generic lookup. With the sandbox modules' type and a run's own classes
    (added per run, see `Identities.add_class`), these are the types the compiled code's inline test
    `_m_type(o) in _m_open_types` lets through."""
    cached = _OPEN[0]
    if cached is None:
        out: set[type] = {SandboxModule}
        for t in ALLOWED:
            if t in _NOT_OPEN or t in STANDIN_METAS or t in SAFE_METACLASSES or not _generic_lookup(t):
                continue
            if _refuses_own_names(t):
                continue  # (`HostFuture.name`: its instances go through the guard, and `x.name` of
                # every other object can be plain)
            if t.__dictoffset__ == 0 or is_builtin_exception(t):
                out.add(t)
        cached = _OPEN[0] = frozenset(out)
    return cached


def _refuses_own_names(t: type) -> bool:
    """Whether `t` has public attributes its allow-list refuses (exceptions' `with_traceback` aside):
    such a type is not open, so that the names it refuses can still be plain on every open type."""
    allowed = ALLOWED[t]
    refused = {n for n in names_of(t) if not n.startswith('_') and n not in allowed}
    return bool(refused - _EXCEPTION_REFUSALS) if issubclass(t, BaseException) else bool(refused)


_EXCEPTION_REFUSALS = frozenset({'with_traceback'})


# -- what the compiler may read natively ---------------------------------------------------------------
def is_plain_safe(name: str) -> bool:
    """Whether `obj.name` may compile to a plain attribute read *when `type(obj)` is open*
    (`open_types()` or the run's own classes; the compiled code tests it, or proves it).

    True when, on every open type that has the attribute, it is allowed and unwrapped; sandbox
    classes allow every non-dunder name they define, and sandbox modules only hold their exports.
    Names starting with `_` are never plain.
    """
    cached = _PLAIN_CACHE.get(name)
    if cached is not None:
        return cached
    ok = not name.startswith('_')
    if ok:
        for t in open_types():
            if t is SandboxModule:
                continue  # (its exports, any name)
            if name in names_of(t) and (name not in ALLOWED[t] or (t, name) in WRAPPERS):
                ok = False
                break
    _PLAIN_CACHE[name] = ok
    return ok


_PLAIN_CACHE: dict[str, bool] = {}


def is_refused_somewhere(name: str) -> bool:
    """Whether some registered type has attribute `name` and refuses it (wrapped names do not count)."""
    if name.startswith('_'):
        return True
    return any(name in names_of(t) and name not in allowed for t, allowed in ALLOWED.items())


_GENERATION = [0]


def generation() -> int:
    """How many times the allow-lists changed: compiled programs record it (compiler.Program)."""
    return _GENERATION[0]


def reset_plain_cache() -> None:
    """Forget `is_plain_safe` and `open_types` answers (call after registering types or wrappers);
    programs compiled before are recompiled before their next run."""
    _PLAIN_CACHE.clear()
    _OPEN[0] = None
    _GENERATION[0] += 1
