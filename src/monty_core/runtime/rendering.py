"""What sandbox code sees of values as text, and of set order: the same in every process.

Snapshots are replay logs (docs/pausing-and-snapshots.md), so a program given the same host answers
must do the same thing in every process. CPython shows memory addresses in default reprs and iterates
sets in (seeded) hash order; this module gives the sandbox process-independent versions:

- `stable_repr` / `stable_str` / `stable_format`: CPython's renderings, except that default reprs
  show the fake address (identities.py; also for functions, generators, coroutines and methods), and
  sets show their items in canonical order. Containers whose items all render stably are left to
  CPython's C code; the text a rendering will build is weighed first (`_check_expansion`).
- `canonical`: a set's items in an order that is the same in every process. (It lives here because
  a mixed set is ordered by its items' stable reprs, and a set renders in canonical order.)

What reading `__repr__`, `__str__`, `__format__` or `__hash__` gives sandbox code: text_dunders.py.
"""

from __future__ import annotations

import builtins as _b
import re
import types
from collections import Counter, deque
from collections.abc import Callable
from gc import get_referents as _referents
from typing import Any

from greenlet import getcurrent

from .arity import NOARG, exactly_one
from .classes import SANDBOX_CLASS_MARK, SANDBOX_GLOBALS_MARK
from .hashing import SEEDLESS, mro_lookup
from .identities import NATIVE_TEXT, address, current_identities, default_repr, type_name
from .memory import reserve

_repr = _b.repr
_str = _b.str
_format = _b.format
_type = _b.type
_id = _b.id
_sorted = _b.sorted
_sum = _b.sum
_map = _b.map
_HAVE_GC = 1 << 14  # Py_TPFLAGS_HAVE_GC: instances can refer to other objects


# -- set order -----------------------------------------------------------------------------------------
SETS = frozenset({set, frozenset})
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
    if kinds <= SEEDLESS:
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
    return t not in RENDERERS and not _objects_own(t, '__repr__')


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
            if (t is set or t is frozenset) and not kinds <= SEEDLESS:
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
    if bad:
        _spread_to_holders(bad, order)
    return bad


def _spread_to_holders(bad: set[int], order: list[tuple[int, list[int]]]) -> None:
    """Add to `bad` every container holding an unstable one (cycles: until nothing changes)."""
    changed = True
    while changed:
        changed = False
        for key, children in reversed(order):
            if key not in bad:
                for child in children:
                    if child in bad:
                        bad.add(key)
                        changed = True
                        break


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


def weigh_format_args(args: Any) -> None:
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
    return f'<built-in method {m.__name__} of {type_name(_type(owner))} object at {address(owner)}>'


def _wrapper_repr(m: Any) -> str:
    owner = m.__self__
    return f"<method-wrapper '{m.__name__}' of {type_name(_type(owner))} object at {address(owner)}>"


RENDERERS: dict[type, Callable[[Any], str]] = {
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
        own = mro_lookup(t, name) is getattr(object, name)
        if len(_OBJECTS_OWN) >= 4096:
            _OBJECTS_OWN.clear()
        _OBJECTS_OWN[key] = own
    return own


def _exception_text(e: BaseException, kind: str) -> str | None:
    """CPython's `repr()`/`str()` of an exception whose class keeps `BaseException`'s (or `KeyError`'s),
    its args rendered stably; None when CPython's own rendering is stable (plain args, or the class's
    own method)."""
    if all(_type(a) in NATIVE_TEXT for a in e.args):
        return None
    method = mro_lookup(_type(e), f'__{kind}__')
    if method is not _BASE_REPR and method is not _BASE_STR and method is not _KEY_STR:
        return None
    return _base_exception_text(method, e)


def _base_exception_text(method: Any, e: BaseException) -> str:
    """What `method` (one of `BaseException.__repr__`, `BaseException.__str__`, `KeyError.__str__`)
    renders for `e`, its args rendered stably."""
    args = e.args
    if method is _BASE_REPR:
        shown = stable_repr(args[0]) if len(args) == 1 else ', '.join(map(stable_repr, args))
        return f'{_type(e).__name__}({shown})'
    if method is _KEY_STR and len(args) == 1:
        return stable_repr(args[0])
    return '' if not args else stable_str(args[0]) if len(args) == 1 else stable_repr(args)


def exception_dunder(method: Any) -> Callable[[BaseException], str]:
    """`e.__str__` / `e.__repr__` as sandbox code reads them when the method is one of CPython's
    exception slots (`method`, unbound): the text built from stable renderings of the args, weighed
    before CPython builds it. (CPython's own would render any arg, at any size and with addresses.)"""

    def render(e: BaseException) -> str:
        return _slot_text(method, e)

    return render


def _exception_str(e: BaseException) -> str:
    """`str(e)` as the sandbox shows it."""
    t = _type(e)
    method = _BUILTIN_STR.get(t)
    if method is None:
        method = mro_lookup(t, '__str__')
        if not t.__flags__ & _HEAPTYPE:  # a builtin exception type: its `__str__` cannot change
            _BUILTIN_STR[t] = method
    if method is _BASE_STR:  # the common case, `str(ValueError('message'))`, first
        args = e.args
        if len(args) == 1 and _type(args[0]) is str:
            return args[0]
    if _type(method) is _SLOT:
        return _slot_text(method, e)
    return _scrub(_str(e), e)  # a sandbox class's own `__str__` (its renderings are the sandbox's)


_BUILTIN_STR: dict[type, Any] = {}
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE

# The builtin exception types whose `str()` is `BaseException`'s: with one `str` argument, that
# argument (`_m_call1` returns it without a call: `str(exc)` in an `except` handler is common).
MESSAGE_IS_ARG: frozenset[type] = frozenset(
    t
    for t in vars(_b).values()
    if isinstance(t, type)
    and issubclass(t, BaseException)
    and mro_lookup(t, '__str__') is BaseException.__str__
)


def _slot_text(method: Any, e: BaseException) -> str:
    """What CPython's exception slot `method` renders for `e`: CPython's own text when everything it
    renders is plain, else the args rendered stably (`BaseException`'s and `KeyError`'s slots, which
    render the args only) or CPython's text weighed first and scrubbed of addresses (the other
    classes' slots, which also render fields outside the args: `OSError`'s `filename`,
    `UnicodeError`'s `reason`, ...)."""
    if method is _BASE_REPR or method is _BASE_STR or method is _KEY_STR:
        if all(_type(a) in NATIVE_TEXT for a in e.args):
            return method(e)  # plain args: CPython's text shows nothing of the process
        return _base_exception_text(method, e)
    fields = (*e.args, *(getattr(e, name, None) for name in _rendered_fields(_type(e))))
    if all(_type(f) in NATIVE_TEXT for f in fields):
        return method(e)
    _unstable(fields, tuple)  # weighs the text (MemoryError past the budget) before CPython builds it
    return _scrub(method(e), e)


_BASE_REPR, _BASE_STR, _KEY_STR = BaseException.__repr__, BaseException.__str__, KeyError.__str__
_SLOT = _type(_BASE_STR)  # a C slot wrapper
_NOT_RENDERED = frozenset(
    {'__traceback__', '__context__', '__cause__', '__suppress_context__', 'args', '__dict__'}
)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _rendered_fields(t: type) -> tuple[str, ...]:
    """The C-level fields of an exception type that its C `__str__` may render (`filename`, ...)."""
    names = _FIELDS.get(t)
    if names is None:
        found = {
            name
            for base in t.__mro__
            if base is not object and SANDBOX_CLASS_MARK not in base.__dict__
            for name, value in base.__dict__.items()
            if _type(value) in (types.MemberDescriptorType, types.GetSetDescriptorType)
        }
        names = _FIELDS[t] = tuple(sorted(found - _NOT_RENDERED))
    return names


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


def stable_repr(obj: Any = NOARG, /, *more: Any) -> str:
    """`repr(obj)` as the sandbox shows it: no addresses, sets in canonical order."""
    if more or obj is NOARG:
        raise exactly_one('repr', len(more) + (obj is not NOARG))
    t = _type(obj)
    if isinstance(obj, BaseException):
        text = _exception_text(obj, 'repr')
        if text is not None:
            return text
    if t in NATIVE_TEXT or SANDBOX_CLASS_MARK in t.__dict__:
        return _repr(obj)  # a sandbox class's repr is its own or `default_repr` (see build_class)
    render = RENDERERS.get(t)
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
    # (Never an exception type: CPython renders its args, whatever they hold, at any size.)
    if t in RENDERERS or issubclass(t, BaseException):
        return False
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
        return _exception_str(obj)
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


def stable_ascii(obj: Any = NOARG, /, *more: Any) -> str:
    """`ascii(obj)`: the stable repr with non-ASCII characters escaped, as CPython's."""
    if more or obj is NOARG:
        raise exactly_one('ascii', len(more) + (obj is not NOARG))
    text = stable_repr(obj)
    return text if text.isascii() else text.encode('ascii', 'backslashreplace').decode('ascii')


stable_ascii.__name__ = stable_ascii.__qualname__ = 'ascii'
stable_ascii.__module__ = 'builtins'


def container_repr(self: Any) -> str:
    """`__repr__` for sandbox subclasses of the builtin containers (set, dict, list, ...)."""
    t = _type(self)
    for base in t.__mro__:
        if base in _CONTAINERS:
            return RENDERERS[base](self)
    return default_repr(self)  # pragma: no cover - only installed on container subclasses


container_repr.__name__ = '__repr__'
BUILTIN_CONTAINER_REPRS = frozenset(c.__repr__ for c in _CONTAINERS)
