"""What sandbox code can reach, walked exhaustively from inside a run.

From everything a program can name (its builtins, every sandbox module's exports), follow every
attribute the guard lets through, `type()`, `mro()`, `super()` lookups and container items, without
calling anything else. Every object reached must be one the sandbox knows (a registered type, a
sandbox class or module, a class read through the guard), never a real module, a frame, a code
object, a traceback, a cell, a module's globals, or a host class the sandbox hides.

Then the same walk from two runs in one process: what both reach must be immutable or read-only to
sandbox code, so that nothing one run writes can be seen by another.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime
import sys
import types
import typing
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import typing_extensions

from monty_core import Monty
from monty_core.runtime.allowlists import ALLOWED, SAFE_DUNDERS
from monty_core.runtime.classes import HIDDEN_CLASSES, sandbox_type_of
from monty_core.runtime.guards import _readable, guarded_getattr
from monty_core.runtime.modules import RunContext, available_modules, register_module

_PROBE = 'monty_reachability_probe'
_LIMIT = 60_000
_FORBIDDEN_TYPES = (types.ModuleType, types.FrameType, types.CodeType, types.TracebackType, types.CellType)


def _names(obj: Any) -> Iterator[str]:
    t = type(obj)
    if t.__name__ == 'module' and t is not types.ModuleType:  # a sandbox module: its exports
        yield from (n for n in obj.__dict__ if not n.startswith('_'))
    else:
        try:
            listed = dir(obj)
        except Exception:
            listed = []
        yield from (n for n in listed if not n.startswith('_'))
        yield from ALLOWED.get(t, ())
        yield 'mro'
    yield from SAFE_DUNDERS
    yield from ('__mro__', '__bases__', '__base__', '__wrapped__')


# Callables made on every access (bound methods, method-wrappers, the guard's checked wrappers): their
# own attributes are dunders making more of the same, and what they would lead to (`__self__`,
# `__func__`, `__globals__`, `__closure__`, `__code__`) the guard refuses. Only these are followed.
_CALLABLES = (
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
)
_CALLABLE_NAMES = ('__wrapped__', '__name__', '__qualname__', '__module__', '__doc__')


_SCALARS = (str, bytes, int, float, complex, bool, type(None))


def _children(obj: Any) -> Iterator[Any]:
    if isinstance(obj, _CALLABLES):
        for name in _CALLABLE_NAMES:
            try:
                yield guarded_getattr(obj, name)
            except Exception:
                continue
        return
    for name in _names(obj):
        try:
            yield guarded_getattr(obj, name)
        except Exception:
            continue
    yield sandbox_type_of(obj)
    if isinstance(obj, type):
        try:
            yield from guarded_getattr(obj, 'mro')()
        except Exception:
            pass
        for klass in obj.__mro__:
            for name in list(vars(klass)):
                try:
                    yield guarded_getattr(super(klass, obj), name)
                except Exception:
                    continue
    t = type(obj)
    if t in (list, tuple, set, frozenset):
        yield from obj
    elif t is dict:
        yield from obj.keys()
        yield from obj.values()


def _walk(roots: list[Any]) -> list[Any]:
    seen: dict[int, Any] = {}
    queue = list(roots)
    while queue and len(seen) < _LIMIT:
        obj = queue.pop()
        if id(obj) in seen or type(obj) in _SCALARS:
            continue  # (scalars are data: their class is walked)
        seen[id(obj)] = obj
        queue.extend(_children(obj))
    return list(seen.values())


_REACHED: list[list[Any]] = []


def _probe_factory(ctx: RunContext) -> dict[str, Any]:
    def walk() -> None:
        frame = sys._getframe(1)  # the sandbox frame calling us: its builtins are the run's
        builtins = frame.f_builtins
        importer = builtins['__import__']
        roots = [v for k, v in builtins.items() if not k.startswith('_')]
        # (modules other tests register, named `monty_*`, are not the sandbox's)
        roots += [importer.load(name) for name in available_modules() if not name.startswith('monty_')]
        _REACHED.append(_walk(roots))

    return {'walk': walk}


register_module(_PROBE, _probe_factory)


def _reach() -> list[Any]:
    _REACHED.clear()
    Monty(f'import {_PROBE}\n{_PROBE}.walk()').run(limits={'max_duration_secs': None})
    return _REACHED.pop()


@pytest.fixture(scope='module')
def two_runs() -> tuple[list[Any], list[Any]]:
    return _reach(), _reach()


def _module_dicts() -> set[int]:
    return {id(m.__dict__) for m in list(sys.modules.values()) if m is not None}


def test_everything_reachable_is_known_to_the_sandbox(two_runs: tuple[list[Any], list[Any]]) -> None:
    reached = two_runs[0]
    assert len(reached) < _LIMIT, 'the walk did not finish: raise _LIMIT'
    assert len(reached) > 1000  # the walk does reach the stdlib
    globals_ = _module_dicts()
    bad: list[str] = []
    for obj in reached:
        t = type(obj)
        if (isinstance(obj, _FORBIDDEN_TYPES) and t.__name__ != 'module') or t is types.ModuleType:
            bad.append(f'{t.__name__}: {obj!r:.80}')
        elif t is dict and id(obj) in globals_:
            bad.append(f'a module globals dict ({len(obj)} names)')
        elif isinstance(obj, type) and obj in HIDDEN_CLASSES:
            bad.append(f'hidden class {obj!r}')
        elif not (isinstance(obj, type) or _readable(obj)):
            bad.append(f'opaque {t.__module__}.{t.__qualname__}: {obj!r:.80}')
    assert not bad, '\n'.join(sorted(set(bad)))


# Types whose instances may be shared between runs: immutable values, and host callables and
# descriptors sandbox code cannot write to (the guard refuses writes to anything a run did not make).
_SHARABLE = (
    type(None),
    type(...),
    type(NotImplemented),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    tuple,
    frozenset,
    range,
    type,
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
    types.GetSetDescriptorType,
    types.MemberDescriptorType,
    types.FunctionType,
    types.MethodType,
    types.MappingProxyType,
    property,
    staticmethod,
    classmethod,
    # Immutable host values and markers: no state to change, and the guard refuses writes to them.
    datetime.date,
    datetime.time,
    datetime.timedelta,
    datetime.tzinfo,
    uuid.UUID,
    type(dataclasses.MISSING),
    type(dataclasses.KW_ONLY),
    type(collections.namedtuple('_T', 'a').a),  # a named tuple's field descriptor
    # typing's forms: immutable (subscripting makes new ones), read-only to sandbox code.
    typing.TypeVar,
    type(typing.Any),
    type(typing.List),  # noqa: UP006 - the form's own type
    type(typing.Callable),
    type(typing.Tuple),  # noqa: UP006 - the form's own type
    type(typing.Literal),
    type(typing_extensions.Self),
)


def test_nothing_mutable_is_shared_between_runs(two_runs: tuple[list[Any], list[Any]]) -> None:
    first, second = two_runs
    ids = {id(o) for o in first}
    shared = [o for o in second if id(o) in ids]
    bad = sorted(
        {
            f'{type(o).__module__}.{type(o).__qualname__}'
            for o in shared
            if not isinstance(o, (*_SHARABLE, type))  # classes: only the run that made one writes it
        }
    )
    assert not bad, f'objects reachable from two runs, not immutable: {bad}'
