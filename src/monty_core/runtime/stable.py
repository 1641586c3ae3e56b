"""What sandbox code sees of hashes, object identities and set order: the same in every process.

Snapshots are replay logs (docs/pausing-and-snapshots.md), so a program given the same host answers
must do the same thing in every process. CPython seeds `str`/`bytes` hashes per process and shows
memory addresses in default reprs; this module gives the sandbox process-independent versions:

- `sandbox_hash`: the sandbox's `hash()`. Numbers keep CPython's hashes (already seedless), and so
  do tuples and frozensets of numbers; `str` and `bytes` use a fixed-key BLAKE2b hash; other tuples
  and frozensets are CPython's hash of the tuple/frozenset of their items' sandbox hashes; objects
  with the default hash get a per-run number; a `__hash__` the class defines is called as CPython
  calls it. (dict and set internals keep CPython's real hash: only
  their iteration order is visible, see `canonical`.)
- `Identities`: a run's stand-ins for addresses. The n-th object whose identity the run observes (by
  `hash()` or a default repr) gets the fake address `ADDRESS_BASE + 16 * n`, for as long as it lives.
- `stable_repr` / `stable_str` / `stable_format`: CPython's renderings, except that default reprs
  show the fake address (also for functions, generators, coroutines and methods), and sets show their
  items in canonical order. Containers whose items all render stably are left to CPython's C code.
- `canonical`: a set's items in an order that is the same in every process.
"""

from __future__ import annotations

import builtins as _b
import re
import types
from collections import Counter, deque
from collections.abc import Callable
from gc import get_referents as _referents
from typing import Any
from weakref import KeyedRef

from greenlet import getcurrent

from ..hooks import IDENTITIES, OPEN_TYPES
from .guarded_ops import checked_format
from .guards import SANDBOX_CLASS_MARK, SANDBOX_GLOBALS_MARK, TEXT_DUNDERS, known_bases, open_types
from .memory import reserve

try:
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b as _blake2b

_hash = _b.hash
_repr = _b.repr
_str = _b.str
_format = _b.format
_type = _b.type
_id = _b.id
_sorted = _b.sorted
_all = _b.all
_sum = _b.sum
_map = _b.map
_NoneType = _type(None)

ADDRESS_BASE = 0x7F0000000000  # fake addresses look like CPython's, 16-byte aligned
_MASK = (1 << 64) - 1
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
        # attribute guard when `type(self)` is one of them (compiler/codegen.py, `_self_check`).
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


def identity_hash(obj: Any) -> int:
    """CPython's pointer hash (`_Py_HashPointer`) of the fake address."""
    ids = current_identities()
    if ids is None:
        return object.__hash__(obj)
    return (ADDRESS_BASE >> 4) + ids.number(obj)


def _type_name(t: type) -> str:
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
    return f'<{_type_name(t)} object at {address(obj)}>'


default_repr.__name__ = '__repr__'
default_repr.__qualname__ = 'object.__repr__'


# -- hash ----------------------------------------------------------------------------------------------
_KEYED = _blake2b(digest_size=8, key=b'monty sandbox: str and bytes hash, v1')
_from_bytes = int.from_bytes
_str_encode = str.encode
_CACHE: dict[Any, int] = {}  # short strings/bytes -> hash (only speed depends on it)
_CACHE_MAX = 4096


def _data_hash(data: Any) -> int:
    if not data:
        return 0  # as CPython: hash('') == hash(b'') == 0
    h = _KEYED.copy()
    h.update(data)
    value = _from_bytes(h.digest(), 'little', signed=True)
    return -2 if value == -1 else value


def str_hash(s: str) -> int:
    """The sandbox hash of a str's text (str subclasses hash as their text)."""
    h = _CACHE.get(s) if _type(s) is str else None
    if h is None:
        h = _data_hash(_str_encode(s, 'utf-8', 'surrogatepass'))
        if _type(s) is str and len(s) <= 64:
            if len(_CACHE) >= _CACHE_MAX:
                _CACHE.clear()
            _CACHE[s] = h
    return h


def bytes_hash(b: Any) -> int:
    return _data_hash(b)


def _numbers_only(items: Any) -> bool:
    """Whether `items` holds only numbers, and tuples and frozensets of them: CPython's hash of such
    a tuple or frozenset is the same in every process."""
    kinds = set(_map(_type, items))
    if kinds <= _SEEDLESS:
        return True
    if not kinds <= _NUMBER_NESTS:
        return False
    return _all(_map(_numbers_only, [x for x in items if _type(x) is tuple or _type(x) is frozenset]))


def _signed(u: int) -> int:
    return u - (1 << 64) if u >= 1 << 63 else u


def tuple_hash(t: Any) -> int:
    """CPython's tuple hash (its own value for numbers) over the items' sandbox hashes."""
    if _numbers_only(t):
        return _hash(t)
    return _hash(tuple(_map(sandbox_hash, t)))


def frozenset_hash(s: Any) -> int:
    """CPython's frozenset hash (order-independent; its own value for numbers) over the items'
    sandbox hashes."""
    if _numbers_only(s):
        return _hash(s if _type(s) is frozenset else frozenset(s))
    return _hash(frozenset(_map(sandbox_hash, s)))


def _fold(h: int) -> int:
    h = _signed(h & _MASK)
    return -2 if h == -1 else h


def _method_hash(m: Any) -> int:
    # CPython: pointer hash of __self__ xor the function's hash
    return _fold(identity_hash(m.__self__) ^ sandbox_hash(m.__func__))


def _builtin_method_hash(m: Any) -> int:
    # CPython: pointer hash of __self__ xor a pointer to the C function
    return _fold(identity_hash(m.__self__) ^ str_hash(m.__qualname__))


def _wrapper_hash(m: Any) -> int:
    return _fold(identity_hash(m.__self__) ^ str_hash(m.__qualname__))


# The `__hash__` implementation a type resolves to -> the sandbox's version. Registered by the stdlib
# for host types whose CPython hash is seeded (datetime's).
HASHERS: dict[Any, Callable[[Any], int]] = {
    str.__hash__: str_hash,
    bytes.__hash__: bytes_hash,
    tuple.__hash__: tuple_hash,
    frozenset.__hash__: frozenset_hash,
    object.__hash__: identity_hash,
    types.MethodType.__hash__: _method_hash,
    types.BuiltinMethodType.__hash__: _builtin_method_hash,
    types.MethodWrapperType.__hash__: _wrapper_hash,
}

_NONE_HASH = 0xFCA86420  # CPython 3.12's constant hash(None)
_EXACT: dict[Any, Callable[[Any], int]] = {
    int: _hash,
    float: _hash,
    bool: _hash,
    complex: _hash,
    str: str_hash,
    bytes: bytes_hash,
    tuple: tuple_hash,
    frozenset: frozenset_hash,
    _NoneType: lambda _: _NONE_HASH,
    type(Ellipsis): lambda _: _NONE_HASH + 1,
    type(NotImplemented): lambda _: _NONE_HASH + 2,
}


def _resolve(t: type, name: str) -> Any:
    for klass in t.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def sandbox_hash(obj: Any, /) -> int:
    """The sandbox's `hash()`: the same value in every process (see the module docstring)."""
    t = _type(obj)
    if t is str:
        h = _CACHE.get(obj)
        return h if h is not None else str_hash(obj)
    exact = _EXACT.get(t)
    if exact is not None:
        return exact(obj)
    impl = _resolve(t, '__hash__')
    if impl is None:
        raise TypeError(f"unhashable type: '{t.__name__}'")
    try:
        hasher = HASHERS.get(impl)
    except TypeError:  # a `__hash__` that is not a function (and not hashable itself)
        hasher = None
    if hasher is not None:
        return hasher(obj)
    return _hash(obj)  # numbers' own, or a __hash__ the class defines (called as CPython calls it)


sandbox_hash.__name__ = sandbox_hash.__qualname__ = 'hash'
sandbox_hash.__module__ = 'builtins'


# -- set order -----------------------------------------------------------------------------------------
# Types whose hashes are the same in every process: sets of them already iterate in a fixed order.
_SEEDLESS = frozenset({int, float, complex, bool})
SETS = frozenset({set, frozenset})
_NUMBER_NESTS = _SEEDLESS | {tuple, frozenset}
_TOTAL = frozenset({str, bytes, int, float, bool, tuple})  # `<` orders their values totally


def _order_key(item: Any) -> tuple[str, str]:
    return (_type(item).__name__, stable_repr(item))


def canonical(items: Any) -> Any:
    """A set's items (or a list of them) in an order that is the same in every process.

    CPython iterates a set in hash order, and `str`/`bytes` hashes are seeded per process, so a
    snapshot replayed in another process would visit the set in another order and diverge. Sets of
    numbers keep CPython's own order; sets of strings, bytes and tuples are visited sorted by value;
    any other set (mixed types, frozensets, whose `<` is only a partial order, objects) sorted by type
    name and stable repr.
    """
    kinds = set(_map(_type, items))
    if kinds <= _SEEDLESS:
        return items
    if kinds <= _TOTAL:
        try:
            return _sorted(items)
        except TypeError:
            pass
    return _sorted(items, key=_order_key)


def ordered(iterable: Any) -> Any:
    """`iterable`, or a set's items in canonical order."""
    return canonical(iterable) if _type(iterable) in SETS else iterable


# -- repr, str, format ---------------------------------------------------------------------------------
_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
_CONTAINERS = frozenset({list, tuple, dict, set, frozenset, *_VIEWS})
_BRACKETS = {list: ('[', ']'), tuple: ('(', ')'), dict: ('{', '}')}


def _leaf_stable(t: type) -> bool:
    """Whether CPython's repr of a non-container `t` is stable: the builtin scalars, sandbox classes
    (their repr is their own or `default_repr`), host types with a repr of their own."""
    if issubclass(t, BaseException):
        return False  # its args may not be: rendered one by one (`_exception_text`)
    if t in NATIVE_TEXT or SANDBOX_CLASS_MARK in t.__dict__:
        return True
    return t not in _RENDERERS and not _objects_own(t, '__repr__')


def _unstable(root: Any, base: Any) -> set[int]:
    """The ids of the containers reachable from `root` (a `base` instance) whose CPython repr would
    show an address or a seeded set order; empty when CPython's repr of `root` is stable.

    Iterative (no recursion however deep the data), one pass over the containers, ticking the run's
    meter per container. Also weighs the text the rendering will build (`_check_expansion`)."""
    ticker = getattr(getcurrent(), 'ticker', None)
    seen: dict[int, Any] = {}  # holds each container: ids stay unique during the check
    order: list[tuple[int, list[int]]] = []
    own: dict[int, int] = {}  # a lower bound of each container's text, its container items aside
    refs = 0  # container items met, repeats included: more than the containers means shared ones
    bad: set[int] = set()
    stack: list[tuple[Any, Any]] = [(root, base)]
    while stack:
        obj, t = stack.pop()
        key = _id(obj)
        if key in seen:
            continue
        seen[key] = obj
        if ticker is not None:
            next(ticker)
        if t is dict:
            items: Any = dict.values(obj)
            kinds = set(_map(_type, dict.keys(obj))) | set(_map(_type, items))
            if kinds & _CONTAINERS:
                items = [*dict.keys(obj), *items]
        else:
            items = obj if _type(obj) is t else list(t.__iter__(obj))  # a subclass: its base's items
            kinds = set(_map(_type, items))
            if (t is set or t is frozenset) and not kinds <= _SEEDLESS:
                bad.add(key)  # iterates in hash order: rendered in canonical order instead
        children: list[int] = []
        own[key] = _own_text(obj, t, items, kinds)
        for kind in kinds:
            if kind in _CONTAINERS:
                continue
            if not _leaf_stable(kind):
                bad.add(key)
                break
        if kinds & _CONTAINERS:
            for item in items:
                kind = _type(item)
                if kind in _CONTAINERS:
                    children.append(_id(item))
                    stack.append((item, kind))
            refs += len(children)
        order.append((key, children))
    _check_expansion(_id(root), order, own, shared=refs >= len(order))
    changed = bool(bad)
    while changed:  # a container holding an unstable one is unstable (cycles: until nothing changes)
        changed = False
        for key, children in reversed(order):
            if key not in bad:
                for child in children:
                    if child in bad:
                        bad.add(key)
                        changed = True
                        break
    return bad


def _own_text(obj: Any, t: Any, items: Any, kinds: set[type]) -> int:
    """A lower bound of the characters container `obj` renders to, not counting its container
    items: brackets, separators, one character per other item, the text of its strings."""
    n = len(obj)
    size = 2 + 2 * max(n - 1, 0) + (2 * n if t is dict else n)  # dicts: ': ' and two items each
    if str in kinds:
        strings = items if len(kinds) == 1 else [x for x in items if _type(x) is str]
        size += _sum(_map(len, strings)) + len(strings)  # quotes (one item counted already)
    return size


_EXPANSION_CHECK = 1 << 20  # unshared data this small renders to text of about its own size


def _check_expansion(
    root: int, order: list[tuple[int, list[int]]], own: dict[int, int], shared: bool
) -> None:
    """Refuse (`MemoryError`) a rendering whose text cannot fit in the run's memory limit, before one
    C call builds it. Shared containers render once per reference (`[[0] * 10**6] * 1000` holds 8 MB
    and renders to 3 GB), so each container's weight counts its items' weights every time."""
    total_own = _sum(own.values())
    if not shared and total_own < _EXPANSION_CHECK:
        return
    children_of = dict(order)
    weight: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[int, bool]] = [(root, False)]
    while stack:
        key, done = stack.pop()
        if done:
            visiting.discard(key)
            w = own[key]
            for child, times in Counter(children_of[key]).items():
                w += weight.get(child, 5) * times  # a container still being weighed is a cycle: `[...]`
            weight[key] = w
            if w > _WEIGHT_CAP:
                break
        elif key not in weight and key not in visiting:
            visiting.add(key)
            stack.append((key, True))
            stack.extend((child, False) for child in children_of[key] if child not in weight)
    text = weight.get(root, max(weight.values(), default=0))
    if text >= _EXPANSION_CHECK:
        reserve(text, 'rendering this value as text')


_WEIGHT_CAP = 1 << 62  # far past any memory limit: stop weighing


def _weigh_format_args(args: Any) -> None:
    """Weigh the containers a `%` format renders (its tuple's items, or the one argument)."""
    t = _type(args)
    items = args if t is tuple else dict.values(args) if t is dict else (args,)
    for item in items:
        kind = _type(item)
        if kind in _CONTAINERS:
            _unstable(item, kind)


def _render(obj: Any, bad: set[int], active: set[int]) -> str:
    t = _type(obj)
    if t not in _CONTAINERS:
        return stable_repr(obj)
    if _id(obj) not in bad:
        return _repr(obj)
    return _render_container(obj, t, bad, active, None)


def _render_container(obj: Any, base: Any, bad: set[int], active: set[int], name: str | None) -> str:
    """CPython's rendering of container `obj` (a `base` instance), its items rendered one by one."""
    ticker = getattr(getcurrent(), 'ticker', None)
    if ticker is not None:
        next(ticker)  # aliased data can be far bigger than memory: the time limit must hold
    key = _id(obj)
    kind = name or _type(obj).__name__
    if key in active:  # a cycle: as Py_ReprEnter
        return {list: '[...]', tuple: '(...)', dict: '{...}'}.get(base, f'{kind}(...)')
    active.add(key)
    try:
        if base is dict:
            parts = [f'{_render(k, bad, active)}: {_render(v, bad, active)}' for k, v in dict.items(obj)]
        else:
            items = obj if _type(obj) is base else list(base.__iter__(obj))  # a subclass: its base's items
            if base is set or base is frozenset:
                items = canonical(items)
            parts = []
            for item in items:
                parts.append(_render(item, bad, active))
    finally:
        active.discard(key)
    inner = ', '.join(parts)
    if base is tuple and len(parts) == 1:
        inner += ','
    brackets = _BRACKETS.get(base)
    if brackets is not None:
        return f'{brackets[0]}{inner}{brackets[1]}'
    if base is set or base is frozenset:
        if not parts:
            return f'{kind}()'
        return f'{{{inner}}}' if name is None and _type(obj) is set else f'{kind}({{{inner}}})'
    return f'{kind}([{inner}])'  # dict views


def _container_renderer(base: Any) -> Callable[[Any], str]:
    def render(obj: Any, name: str | None = None) -> str:
        bad = _unstable(obj, base)
        if _id(obj) not in bad:
            return _scrub(base.__repr__(obj), obj)
        ids = current_identities()
        return _render_container(obj, base, bad, ids.active if ids is not None else set(), name)

    return render


def _function_repr(f: Any) -> str:
    if f is default_repr:
        return "<slot wrapper '__repr__' of 'object' objects>"
    if SANDBOX_GLOBALS_MARK not in f.__globals__:
        return f'<built-in function {f.__name__}>'  # the sandbox's own builtins (print, sorted, ...)
    return f'<function {f.__qualname__} at {address(f)}>'


def _frame_object_repr(kind: str) -> Callable[[Any], str]:
    def render(obj: Any) -> str:
        return f'<{kind} object {obj.__qualname__} at {address(obj)}>'

    return render


def _method_repr(m: Any) -> str:
    func = m.__func__
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', '?')
    return f'<bound method {name} of {stable_repr(m.__self__)}>'


def _builtin_method_repr(m: Any) -> str:
    owner = m.__self__
    if owner is None or _type(owner) is types.ModuleType:
        return f'<built-in function {m.__name__}>'
    return f'<built-in method {m.__name__} of {_type_name(_type(owner))} object at {address(owner)}>'


def _wrapper_repr(m: Any) -> str:
    owner = m.__self__
    return f"<method-wrapper '{m.__name__}' of {_type_name(_type(owner))} object at {address(owner)}>"


_RENDERERS: dict[type, Callable[[Any], str]] = {
    **{c: _container_renderer(c) for c in _CONTAINERS},
    types.FunctionType: _function_repr,
    types.GeneratorType: _frame_object_repr('generator'),
    types.CoroutineType: _frame_object_repr('coroutine'),
    types.AsyncGeneratorType: _frame_object_repr('async_generator'),
    types.MethodType: _method_repr,
    types.BuiltinMethodType: _builtin_method_repr,
    types.MethodWrapperType: _wrapper_repr,
}

_OBJECTS_OWN: dict[tuple[type, str], bool] = {}


def _objects_own(t: type, name: str) -> bool:
    """Whether host type `t` gets `name` ('__repr__', '__str__', '__format__') from `object`."""
    key = (t, name)
    own = _OBJECTS_OWN.get(key)
    if own is None:
        own = _resolve(t, name) is getattr(object, name)
        if len(_OBJECTS_OWN) >= 4096:
            _OBJECTS_OWN.clear()
        _OBJECTS_OWN[key] = own
    return own


def _exception_text(e: BaseException, kind: str) -> str | None:
    """CPython's `repr()`/`str()` of an exception whose class keeps `BaseException`'s (or `KeyError`'s),
    its args rendered stably; None when CPython's own rendering is stable (plain args, or the class's
    own method)."""
    args = e.args
    if all(_type(a) in NATIVE_TEXT for a in args):
        return None
    t = _type(e)
    method = _resolve(t, f'__{kind}__')
    if kind == 'repr':
        if method is not _BASE_REPR:
            return None
        return (
            f'{t.__name__}({stable_repr(args[0]) if len(args) == 1 else ", ".join(map(stable_repr, args))})'
        )
    if method is _KEY_STR and len(args) == 1:
        return stable_repr(args[0])
    if method is not _BASE_STR and method is not _KEY_STR:
        return None
    return '' if not args else stable_str(args[0]) if len(args) == 1 else stable_repr(args)


_BASE_REPR, _BASE_STR, _KEY_STR = BaseException.__repr__, BaseException.__str__, KeyError.__str__


_HAVE_GC = 1 << 14  # Py_TPFLAGS_HAVE_GC: instances can refer to other objects
_AT_ADDRESS = re.compile(r' at 0x([0-9a-f]{6,16})>')


def _scrub(text: str, root: Any) -> str:
    """`text`, a rendering CPython's C code made of `root` (a `deque`, a `partial`, a `slice`, ...), with
    the real addresses of the objects `root` refers to replaced by their fake ones. Only addresses of
    objects found among `root`'s referents are replaced: text that merely looks like one stays."""
    if ' at 0x' not in text:
        return text
    wanted = {int(m, 16) for m in _AT_ADDRESS.findall(text)}
    found: dict[int, Any] = {}
    seen: set[int] = set()
    queue = deque([root])  # nearest first: the items of `root`, then theirs
    budget = 10_000
    while queue and budget and not wanted <= found.keys():
        obj = queue.popleft()
        key = _id(obj)
        if key in seen:
            continue
        seen.add(key)
        budget -= 1
        if key in wanted:
            found[key] = obj
        if not isinstance(obj, _OPAQUE_TO_SCRUB):  # (their own referents: classes, globals, code)
            queue.extend(_referents(obj))
    if not found:
        return text

    def fake(m: re.Match[str]) -> str:
        obj = found.get(int(m[1], 16), _MISSING_OBJ)
        return m[0] if obj is _MISSING_OBJ else f' at {address(obj)}>'

    return _AT_ADDRESS.sub(fake, text)


_MISSING_OBJ = object()
_OPAQUE_TO_SCRUB = (type, types.ModuleType, types.FunctionType, types.CodeType, types.BuiltinFunctionType)


def stable_repr(obj: Any, /) -> str:
    """`repr(obj)` as the sandbox shows it: no addresses, sets in canonical order."""
    t = _type(obj)
    if isinstance(obj, BaseException):
        text = _exception_text(obj, 'repr')
        if text is not None:
            return text
    if t in NATIVE_TEXT or SANDBOX_CLASS_MARK in t.__dict__:
        return _repr(obj)  # a sandbox class's repr is its own or `default_repr` (see build_class)
    render = _RENDERERS.get(t)
    if render is not None:
        return render(obj)
    if _objects_own(t, '__repr__'):
        return default_repr(obj)
    return _scrub(_repr(obj), obj)


stable_repr.__name__ = stable_repr.__qualname__ = 'repr'
stable_repr.__module__ = 'builtins'


def _plain(t: type) -> bool:
    """Whether CPython's `str()` and `format(x, '')` of a `t` instance are stable (a sandbox class,
    or a host type with its own repr and no items of its own), and if so let the run's inline tests
    (`_m_plain_types`) pass it from now on."""
    if t in _RENDERERS:
        return False
    # (An exception's `str()` is CPython's own from here on, args and all: its args are nearly always
    # plain text, `str(e)` is common in loops, and an argument that renders an address leaks only that:
    # docs/security.md, known gaps. Its `repr()` and containers of it stay stable.)
    if issubclass(t, BaseException):
        ids = current_identities()
        if ids is not None:
            ids.plain.add(t)
        return True
    if SANDBOX_CLASS_MARK not in t.__dict__ and (_objects_own(t, '__repr__') or t.__flags__ & _HAVE_GC):
        return False  # (a host type whose instances hold other objects may render their addresses)
    ids = current_identities()
    if ids is not None:
        ids.plain.add(t)
    return True


def stable_str(obj: Any) -> str:
    """`str(obj)` as the sandbox shows it."""
    t = _type(obj)
    if t is str:
        return obj
    if t in NATIVE_TEXT:
        return _str(obj)
    if isinstance(obj, BaseException):
        if set(_map(_type, obj.args)) <= NATIVE_TEXT:
            _plain(t)  # (the inline tests take `str(e)` to CPython from now on: see `_plain`)
            return _str(obj)  # plain args: CPython's text shows nothing of the process
        text = _exception_text(obj, 'str')
        return text if text is not None else _scrub(_str(obj), obj)
    if _plain(t) or not _objects_own(t, '__str__'):
        return _scrub(_str(obj), obj)
    return stable_repr(obj)


def stable_field(obj: Any) -> Any:
    """`_m_field`: an f-string field without conversion or spec; returns what CPython then formats."""
    t = _type(obj)
    if t in NATIVE_TEXT or _plain(t) or not _objects_own(t, '__format__'):
        return obj
    return stable_str(obj)


def stable_format(obj: Any, spec: Any = '') -> str:
    """`format(obj, spec)` as the sandbox shows it (an empty spec formats as `str()`)."""
    if spec == '' and _type(spec) is str:
        obj = stable_field(obj)
    return _format(obj, spec)


def stable_ascii(obj: Any, /) -> str:
    """`ascii(obj)`: the stable repr with non-ASCII characters escaped, as CPython's."""
    text = stable_repr(obj)
    return text if text.isascii() else text.encode('ascii', 'backslashreplace').decode('ascii')


stable_ascii.__name__ = stable_ascii.__qualname__ = 'ascii'
stable_ascii.__module__ = 'builtins'


def container_repr(self: Any) -> str:
    """`__repr__` for sandbox subclasses of the builtin containers (set, dict, list, ...)."""
    t = _type(self)
    for base in t.__mro__:
        if base in _CONTAINERS:
            return _RENDERERS[base](self)
    return default_repr(self)  # pragma: no cover - only installed on container subclasses


container_repr.__name__ = '__repr__'
BUILTIN_CONTAINER_REPRS = frozenset(c.__repr__ for c in _CONTAINERS)


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
            elif name == '__repr__' and owner in _RENDERERS:
                render = _RENDERERS[owner]
            else:
                return value
            return types.MethodType(render, value.__self__)
        if t is types.WrapperDescriptorType:
            owner = value.__objclass__
            if owner is object:
                return unbound_object
            if name == '__repr__' and owner in _RENDERERS:
                return _unbound(owner, _RENDERERS[owner], name)
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
