"""Per-type attribute allow-lists: the only attributes sandbox code can reach on objects it did not define.

A type that is not registered here has no readable attributes at all. The data types' lists are their
public method names (every public method of `str`, `list`, `dict`, ... is plain data manipulation);
the types that wrap interpreter internals (generators, coroutines, functions, frames, code, ...) are
registered with short explicit lists, so that their internals (`gi_frame`, `cr_code`, `tb_frame`,
`f_globals`, `co_code`, ...) are refused by construction.

`SAFE_DUNDERS` are the few dunder attributes any object may expose for reading.
"""

from __future__ import annotations

import collections
import types
from collections.abc import Callable, Iterable
from typing import Any

# Dunder attributes that may be read on any object: names and docs, and the protocol methods user code
# sometimes calls explicitly (`super().__init__(...)`, `obj.__eq__(other)`).
# The data model's special methods: sandbox classes may define them, and any object's may be read
# (user code sometimes calls them explicitly: `super().__init__(...)`, `obj.__eq__(other)`).
DATA_MODEL_METHODS = frozenset(
    {
        '__abs__',
        '__add__',
        '__aenter__',
        '__aexit__',
        '__aiter__',
        '__and__',
        '__anext__',
        '__bool__',
        '__bytes__',
        '__call__',
        '__ceil__',
        '__complex__',
        '__contains__',
        '__copy__',
        '__deepcopy__',
        '__delitem__',
        '__divmod__',
        '__doc__',
        '__enter__',
        '__eq__',
        '__exit__',
        '__float__',
        '__floor__',
        '__floordiv__',
        '__format__',
        '__ge__',
        '__getitem__',
        '__gt__',
        '__hash__',
        '__iadd__',
        '__iand__',
        '__ifloordiv__',
        '__ilshift__',
        '__imatmul__',
        '__imod__',
        '__imul__',
        '__index__',
        '__init__',
        '__int__',
        '__invert__',
        '__ior__',
        '__ipow__',
        '__irshift__',
        '__isub__',
        '__iter__',
        '__itruediv__',
        '__ixor__',
        '__le__',
        '__len__',
        '__length_hint__',
        '__lshift__',
        '__lt__',
        '__match_args__',
        '__matmul__',
        '__missing__',
        '__mod__',
        '__mul__',
        '__ne__',
        '__neg__',
        '__new__',
        '__next__',
        '__or__',
        '__pos__',
        '__post_init__',
        '__pow__',
        '__radd__',
        '__rand__',
        '__rdivmod__',
        '__repr__',
        '__reversed__',
        '__rfloordiv__',
        '__rlshift__',
        '__rmatmul__',
        '__rmod__',
        '__rmul__',
        '__ror__',
        '__round__',
        '__rpow__',
        '__rrshift__',
        '__rshift__',
        '__rsub__',
        '__rtruediv__',
        '__rxor__',
        '__setitem__',
        '__str__',
        '__sub__',
        '__truediv__',
        '__trunc__',
        '__xor__',
    }
)

# Dunder attributes that may be read on any object: names and docs, exception links, and the
# data-model methods.
SAFE_DUNDERS = DATA_MODEL_METHODS | {
    '__cause__',
    '__class__',
    '__context__',
    '__module__',
    '__name__',
    '__notes__',
    '__qualname__',
    '__suppress_context__',
    '__members__',  # an enum class's members (a read-only mapping)
    '__init_subclass__',  # `super().__init_subclass__(**kwargs)` in a class hook (object's is a no-op)
}


def _public(t: type, exclude: Iterable[str] = ()) -> frozenset[str]:
    return frozenset(n for n in dir(t) if not n.startswith('_')) - frozenset(exclude)


# Plain data types: their public methods are the allow-list. `mro` is a method of `type`, not of
# these, so it is not reachable through them.
_DATA_TYPES: tuple[type, ...] = (
    str,
    bytes,
    bytearray,
    int,
    float,
    complex,
    bool,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    type(None),
    type(NotImplemented),
    type(Ellipsis),
    type({}.keys()),
    type({}.values()),
    type({}.items()),
)

ALLOWED: dict[type, frozenset[str]] = {t: _public(t) for t in _DATA_TYPES}

# Types whose instances and classes sandbox code may construct and re-initialise (`__init__`/`__new__`).
ALLOWED_DATA: frozenset[type] = frozenset(_DATA_TYPES) | {object}

# Interpreter-internal types sandbox code can hold (it makes generators, coroutines, functions,
# iterators). Everything else about them is refused.
ALLOWED[types.GeneratorType] = frozenset({'send', 'throw', 'close'})
ALLOWED[types.CoroutineType] = frozenset({'send', 'throw', 'close'})
ALLOWED[types.AsyncGeneratorType] = frozenset({'asend', 'athrow', 'aclose'})
for _internal in (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
    types.GetSetDescriptorType,
    types.MemberDescriptorType,
    types.FrameType,
    types.TracebackType,
    types.CodeType,
    types.CellType,
    types.MappingProxyType,
    types.SimpleNamespace,
    types.GenericAlias,
    types.UnionType,
    staticmethod,
    classmethod,
    super,
    object,
    type,
    memoryview,
    enumerate,
    zip,
    map,
    filter,
    reversed,
    type(iter([])),
    type(iter(())),
    type(iter('')),
    type(iter(b'')),
    type(iter(range(0))),
    type(iter({})),
    type(iter({}.values())),
    type(iter({}.items())),
    type(iter(set())),
    type(iter(bytearray())),
    type(reversed([])),
    type(iter(range(1 << 100))),
):
    ALLOWED.setdefault(_internal, frozenset())  # pyright: ignore[reportArgumentType]
ALLOWED[property] = frozenset({'getter', 'setter', 'deleter'})
# A host named tuple's field descriptor (`urllib.parse.SplitResult.scheme`, `sys.version_info`'s).
ALLOWED[type(collections.namedtuple('_T', 'a').a)] = frozenset()
ALLOWED[types.MappingProxyType] = frozenset({'get', 'keys', 'values', 'items', 'copy'})


def _exception_attrs() -> dict[type, frozenset[str]]:
    out: dict[type, frozenset[str]] = {}
    base = frozenset({'args', 'add_note'})
    extra: dict[type, set[str]] = {
        StopIteration: {'value'},
        StopAsyncIteration: set(),
        OSError: {'errno', 'strerror', 'filename', 'filename2'},
        SyntaxError: {'msg', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'filename'},
        ImportError: {'name', 'msg'},
        AttributeError: {'name'},
        NameError: {'name'},
        UnicodeDecodeError: {'encoding', 'object', 'start', 'end', 'reason'},
        UnicodeEncodeError: {'encoding', 'object', 'start', 'end', 'reason'},
        SystemExit: {'code'},
        BaseExceptionGroup: {'exceptions', 'message', 'subgroup', 'split', 'derive'},
    }

    def walk(t: type) -> None:
        if t.__module__ != 'builtins':
            return
        names = set(base)
        for klass in t.__mro__:
            names |= extra.get(klass, set())
        out[t] = frozenset(names)
        for sub in t.__subclasses__():
            walk(sub)

    walk(BaseException)
    return out


ALLOWED.update(_exception_attrs())


def is_dunder(name: str) -> bool:
    """Whether `name` is a dunder (`__x__`, at least one character between the underscores)."""
    return len(name) > 4 and name.startswith('__') and name.endswith('__')


# Host classes whose own `__setattr__`/`__delattr__` validate every write (decimal's bounded Context,
# stdlib objects with a settable-names list). Sandbox code may set attributes on their instances;
# every other host object is read-only to it.
SELF_GUARDED: set[type] = set()


# (type, attribute) -> factory(bound object) -> the callable handed to sandbox code instead of the
# real method (bounded or guarded versions of methods that traverse attributes or amplify sizes).
WRAPPERS: dict[tuple[type, str], Callable[[Any], Any]] = {}

_ALL_NAMES: dict[type, frozenset[str]] = {}


def names_of(t: type) -> frozenset[str]:
    """Every attribute name of type `t` (`dir(t)`, cached): a name it has but does not allow is refused
    rather than missing."""
    names = _ALL_NAMES.get(t)
    if names is None:
        names = _ALL_NAMES[t] = frozenset(dir(t))
    return names
