"""The sandbox's builtins: CPython's safe builtins, guarded or metered versions of the rest.

`make_builtins` builds one run's dictionary. It is a fresh dict per run (runs share no state), made
from a template of shared entries plus the run's own: its ticker, print, importer and guards.

Metering rule: no builtin consumes an iterator in one C call without ticks. The consumers (`sum`,
`min`, `max`, `sorted`, `any`, `all`, ...) wrap their argument in `compress(iterable, T)` unless it is
an in-memory container; the lazy adapters (`map`, `filter`, `zip`, `enumerate`, `reversed`, `iter`)
return ticked iterators, so any C code that drains them ticks as well. `T`, the run's ticker, is
carried by the run's greenlet (`getcurrent().ticker`).
"""

from __future__ import annotations

import abc as _abc
import builtins as _b
from collections.abc import Callable
from itertools import compress
from typing import Any

from greenlet import getcurrent

from ..hooks import (
    BUILTIN_HOOKS,
    HANDLER_CHECK,
    IMPORT,
    IMPORT_FROM,
    LOOP_ITER,
    MAX_DEPTH,
    RUN_HOOKS,
    TICKER,
    TOO_DEEP,
)
from . import bigints as _bigints
from . import bigrange as _bigrange
from . import formatting as _formatting  # noqa: F401 - registers the guarded format and text methods
from . import guarded_ops as _guarded_ops
from . import sizecheck as _sizecheck
from . import text_dunders as _text_dunders  # noqa: F401 - registers what reading `__repr__` & co. gives
from .allowlists import ALLOWED, WRAPPERS
from .classes import (
    REAL_OF,
    SAFE_METACLASSES,
    SANDBOX_CLASS_MARK,
    SANDBOX_TYPE,
    STANDIN_METAS,
    STANDINS,
    is_sandbox_class,
    mark_run_class,
    run_token,
    sandbox_type_of,
)
from .guards import (
    _MATCH_MISSING,
    CONSTRUCTORS,
    DUNDER_CHECKS,
    _class_getattr,
    guarded_delattr,
    guarded_getattr,
    guarded_setattr,
    match_attr,
    sandbox_delattr,
    sandbox_getattr,
    sandbox_hasattr,
    sandbox_setattr,
)
from .hashing import sandbox_hash
from .identities import NATIVE_TEXT, default_repr
from .meter import Meter
from .modules import Importer
from .patterns import PatternValues, match_for
from .plain_reads import open_types
from .printf import checked_imod, checked_mod
from .rendering import (
    BUILTIN_CONTAINER_REPRS,
    SETS,
    canonical,
    container_repr,
    ordered,
    stable_ascii,
    stable_field,
    stable_format,
    stable_repr,
    stable_str,
)

_SHARED_NAMES = (
    'abs',
    'bin',
    'bool',
    'bytearray',
    'bytes',
    'callable',
    'chr',
    'classmethod',
    'complex',
    'dict',
    'divmod',
    'float',
    'frozenset',
    'hex',
    'int',
    'isinstance',
    'issubclass',
    'len',
    'list',
    'next',
    'object',
    'oct',
    'ord',
    'property',
    'round',
    'set',
    'slice',
    'staticmethod',
    'str',
    'super',
    'tuple',
    'aiter',
    'anext',
    'NotImplemented',
    'Ellipsis',
)

# Containers whose iteration is bounded by memory already: consumers iterate them directly.
_IN_MEMORY = frozenset({list, tuple, str, dict, set, frozenset, bytes, bytearray})

_UNAVAILABLE = {
    'open': 'file access happens only through host functions',
    'eval': 'dynamic code execution is not available in the sandbox',
    'exec': 'dynamic code execution is not available in the sandbox',
    'compile': 'dynamic code execution is not available in the sandbox',
    'globals': 'introspection of namespaces is not available in the sandbox',
    'locals': 'introspection of namespaces is not available in the sandbox',
    'input': 'there is no standard input in the sandbox',
    'breakpoint': 'debuggers are not available in the sandbox',
    'memoryview': 'memoryview is not available in the sandbox',
    'help': 'help() is not available in the sandbox',
    'exit': 'exit() is not available in the sandbox',
    'quit': 'quit() is not available in the sandbox',
    'id': 'id() is not available in the sandbox (object addresses are not exposed)',
}

_ALLOWED_BASES = frozenset({object, int, float, complex, str, bytes, list, tuple, dict, set, frozenset})

# Host types whose instances may stand in a class statement's bases and resolve through
# `__mro_entries__` (the sandbox typing module's TypedDict/Protocol/Generic forms).
MRO_ENTRY_TYPES: set[type] = set()


class _SandboxTypeMeta(type):
    """Metaclass of the sandbox's `type`: isinstance/issubclass behave as for the real `type`."""

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, type)

    def __subclasscheck__(cls, sub: Any) -> bool:
        return issubclass(sub, type)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs:
            return sandbox_type_of(args[0])
        if len(args) == 3:
            raise TypeError('creating classes with 3-argument type() is not supported; use a class statement')
        raise TypeError('type() takes 1 or 3 arguments')

    def __repr__(cls) -> str:
        return "<class 'type'>"


class SandboxType(metaclass=_SandboxTypeMeta):
    """The sandbox's `type`: `type(x)` works; creating classes with it does not."""


SandboxType.__name__ = SandboxType.__qualname__ = 'type'
SandboxType.__module__ = 'builtins'
SANDBOX_TYPE[0] = SandboxType
ALLOWED[_SandboxTypeMeta] = frozenset()
STANDINS[_SandboxTypeMeta] = SandboxType


class _StandinMeta(type):
    """Metaclass of the sandbox's stand-ins for builtin classes whose constructor needs a pre-check
    (`range`, `bytes`, `bytearray`): instances are the real builtin's, `isinstance`/`issubclass` and
    class attributes (`bytes.fromhex`) behave as for the real class."""

    def __instancecheck__(cls, obj: Any) -> bool:
        return isinstance(obj, _INSTANCES[cls])

    def __subclasscheck__(cls, sub: Any) -> bool:
        return cls is sub or issubclass(sub, _INSTANCES[cls])

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return _MAKERS[cls](*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        if name.startswith('__'):
            raise AttributeError(name)
        return _class_getattr(REAL_OF[cls], name)

    def __repr__(cls) -> str:
        return f"<class '{cls.__name__}'>"


_INSTANCES: dict[Any, tuple[type, ...]] = {}
_MAKERS: dict[Any, Callable[..., Any]] = {}
STANDIN_METAS.add(_StandinMeta)
STANDINS[_StandinMeta] = SandboxType


def _standin(real: type, maker: Callable[..., Any], *instances: type) -> Any:
    cls = _StandinMeta(
        real.__name__, (), {'__slots__': (), '__doc__': real.__doc__, '__module__': 'builtins'}
    )
    _INSTANCES[cls] = (real, *instances)
    _MAKERS[cls] = maker
    REAL_OF[cls] = real
    for t in (real, *instances):
        STANDINS[t] = cls
    return cls


def _make_range(*args: Any) -> Any:
    return _bigrange.make_range(_b.range(*args))


def _make_bytes(*args: Any, **kwargs: Any) -> bytes:
    return _b.bytes(*_sizecheck.bytes_args(args, kwargs, bytes), **kwargs)


def _make_bytearray(*args: Any, **kwargs: Any) -> bytearray:
    return _b.bytearray(*_sizecheck.bytes_args(args, kwargs, bytearray), **kwargs)


def _bytes_new(cls: Any, *args: Any, **kwargs: Any) -> bytes:
    """`bytes.__new__` as sandbox code reads it: checked as `bytes(...)` is."""
    return _b.bytes.__new__(REAL_OF.get(cls, cls), *_sizecheck.bytes_args(args, kwargs, bytes), **kwargs)


def _bytearray_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """`bytearray.__init__` as sandbox code reads it: checked as `bytearray(...)` is."""
    _b.bytearray.__init__(self, *_sizecheck.bytes_args(args, kwargs, bytearray), **kwargs)


def _str_new(cls: Any = str, *args: Any, **kwargs: Any) -> str:
    """`str.__new__` as sandbox code reads it: one object is rendered as `str(x)` renders it (weighed
    first, no addresses)."""
    return _b.str.__new__(REAL_OF.get(cls, cls), _str_call(*args, **kwargs))


def _str_call(*args: Any, **kwargs: Any) -> str:
    """`str(...)` however it is spelt (`str(object=x)`, `str(*xs)`): one object is rendered as the
    sandbox renders text; with an encoding it decodes, as CPython does."""
    if len(args) + len(kwargs) == 1 and (args or 'object' in kwargs):
        return stable_str(args[0] if args else kwargs['object'])
    return _b.str(*args, **kwargs)


def _call_str(func: Any, *args: Any, **kwargs: Any) -> Any:
    """`_m_call_str`: a call of the name `str` with keywords or `*args` (whatever the name holds)."""
    if func is _b.str:
        return _str_call(*args, **kwargs)
    return func(*args, **kwargs)


def _range_new(cls: Any, *args: Any) -> Any:
    return _make_range(*args)


for _key, _checked in (
    ((bytes, '__new__'), _bytes_new),
    ((bytearray, '__init__'), _bytearray_init),
    ((str, '__new__'), _str_new),
    ((range, '__new__'), _range_new),
):
    _checked.__name__ = _checked.__qualname__ = _key[1]
    CONSTRUCTORS[_key] = _checked


def _refuse_metaclass(*args: Any, **kwargs: Any) -> Any:
    raise TypeError('metaclasses are not supported in the sandbox; use a class statement')


# Integer dunders whose work is quadratic in their operands (`(x).__floordiv__(y)`): checked as the
# operators are (see bigints.check_division).
DUNDER_CHECKS.update(
    {
        '__floordiv__': _bigints.check_division,
        '__rfloordiv__': lambda self, other, *rest: _bigints.check_division(other, self),
        '__divmod__': _bigints.check_division,
        '__rdivmod__': lambda self, other, *rest: _bigints.check_division(other, self),
        '__round__': lambda self, ndigits=None, *rest: _bigints.check_round(self, ndigits),
    }
)

SandboxRange = _standin(range, _make_range, _bigrange.BigRange)
# `abc.ABCMeta` for imports and `isinstance` only: the real one, called with 3 arguments, would build a
# class outside `build_class` (see `classes.sandbox_type_of`). `type(ChainMap)` gives this stand-in too.
SandboxABCMeta = _standin(_abc.ABCMeta, _refuse_metaclass)
SandboxBytes = _standin(bytes, _make_bytes)
SandboxBytearray = _standin(bytearray, _make_bytearray)
ALLOWED[_bigrange.BigRange] = ALLOWED[range]


def build_class(func: Any, name: str, /, *bases: Any, **kwds: Any) -> type:
    """`__build_class__` for sandbox class statements: plain bases only, then mark the class.

    `func` and `name` are positional-only, as in CPython's: a class keyword argument may be called
    `name` (`class Foo(Plugin, name='foo')`, passed on to `__init_subclass__`).
    """
    if 'metaclass' in kwds:
        raise TypeError('classes with metaclasses are not supported in the sandbox')
    bases = tuple(REAL_OF.get(b, b) if type(b) is _StandinMeta else b for b in bases)
    if any(type(b) in MRO_ENTRY_TYPES for b in bases):
        resolved: list[Any] = []
        for b in bases:
            resolved.extend(b.__mro_entries__(bases) if type(b) in MRO_ENTRY_TYPES else (b,))
        bases = tuple(dict.fromkeys(resolved))
    for base in bases:
        if (type(base) is not type and type(base) not in SAFE_METACLASSES) or not (
            is_sandbox_class(base) or base in _ALLOWED_BASES or _is_builtin_exception(base)
        ):
            label = base.__name__ if isinstance(base, type) else type(base).__name__
            raise TypeError(f"cannot subclass '{label}' in the sandbox")
    if kwds and any(getattr(b, '__monty_typed_dict__', False) for b in bases):
        kwds.pop('total', None)  # TypedDict(total=False): only meaningful to the type checker
    # The class is created through `_ClassFinisher`, which marks it in its namespace: `type.__new__`
    # runs the bases' `__init_subclass__` (and `__set_name__`) before `__build_class__` returns, and
    # that user code must already see a sandbox class (`cls.registry = ...` in a plugin base), with its
    # `__match_args__` already checked (a `match` there reads them natively).
    cls = _b.__build_class__(func, name, *bases, metaclass=_ClassFinisher(_winner(bases)), **kwds)
    if type(cls) is not type and type(cls) not in SAFE_METACLASSES:
        type.__delattr__(cls, SANDBOX_CLASS_MARK)
        raise TypeError('metaclasses are not supported in the sandbox')
    try:
        check_match_args(cls)
    except TypeError:
        type.__delattr__(cls, SANDBOX_CLASS_MARK)
        raise
    mark_run_class(cls)
    inherited = _inherited_repr(cls)
    if inherited is _object_repr:
        # CPython's default shows the address: the sandbox's shows the run's fake address instead,
        # wherever C code reaches it (containers, print, %r, f-strings, str()).
        type.__setattr__(cls, '__repr__', default_repr)
    elif inherited in BUILTIN_CONTAINER_REPRS:
        type.__setattr__(cls, '__repr__', container_repr)  # set subclasses: items in canonical order
    return cls


def _winner(bases: tuple[Any, ...]) -> type:
    """The metaclass `__build_class__` would derive from the (checked) bases, with CPython's error."""
    winner: type = type
    for base in bases:
        meta = type(base)
        if issubclass(winner, meta):
            continue
        if issubclass(meta, winner):
            winner = meta
            continue
        raise TypeError(
            'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass '
            'of the metaclasses of all its bases'
        )
    return winner


class _ClassFinisher:
    """Passed as `metaclass=` to `__build_class__` (a non-type metaclass is called as it is): the real
    metaclass's `__prepare__`, then the body's namespace is checked and marked before the class exists."""

    __slots__ = ('meta',)

    def __init__(self, meta: type) -> None:
        self.meta = meta

    def __prepare__(self, name: str, bases: tuple[Any, ...], /, **kwds: Any) -> Any:
        return self.meta.__prepare__(name, bases, **kwds)

    def __call__(self, name: str, bases: tuple[Any, ...], ns: Any, /, **kwds: Any) -> Any:
        _check_namespace_match_args(ns, bases)
        # The mark's value is the run: the class is the run's own (writable by it, and by no other
        # run) from its first hook on.
        token = run_token()
        ns[SANDBOX_CLASS_MARK] = token if token is not None else True
        return self.meta(name, bases, ns, **kwds)


def _check_namespace_match_args(ns: Any, bases: tuple[Any, ...]) -> None:
    """`check_match_args` before the class exists, erring on the side of refusing: a name the body
    does not define must not be defined by any builtin class among the bases' MROs."""

    def builtin_owned(name: str) -> bool:
        return name not in ns and any(
            name in klass.__dict__ and SANDBOX_CLASS_MARK not in klass.__dict__
            for base in bases
            for klass in base.__mro__
        )

    _refuse_match_args(ns.get('__match_args__'), builtin_owned)


_object_repr = object.__repr__


def _inherited_repr(cls: type) -> Any:
    for klass in cls.__mro__:
        if '__repr__' in klass.__dict__:
            return klass.__dict__['__repr__']
    return None


def check_match_args(cls: type) -> None:
    """Refuse a class's `__match_args__` naming special names or a builtin base's attributes: CPython
    reads them natively in `match` class patterns. Run before the class is marked as the sandbox's."""
    _refuse_match_args(cls.__dict__.get('__match_args__'), lambda name: _builtin_owner(cls, name))


def _refuse_match_args(match_args: Any, builtin_owned: Callable[[str], bool]) -> None:
    if match_args is not None and not (
        type(match_args) is tuple
        and all(type(a) is str and not (a.startswith('__') and a.endswith('__')) for a in match_args)
        and not any(builtin_owned(a) for a in match_args)
    ):
        raise TypeError(
            '__match_args__ must name attributes the class defines (not special names or methods of a '
            'builtin base) in the sandbox'
        )


def _builtin_owner(cls: type, name: str) -> bool:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass is not cls and SANDBOX_CLASS_MARK not in klass.__dict__
    return False


def _is_builtin_exception(t: type) -> bool:
    return issubclass(t, BaseException) and t.__module__ == 'builtins'


def _unavailable(name: str) -> Callable[..., Any]:
    reason = _UNAVAILABLE[name]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NameError(f"name '{name}' is not available: {reason}")

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


def _dir(obj: Any = None) -> list[str]:
    if obj is None:
        raise TypeError('dir() without arguments is not supported in the sandbox')
    names: list[str] = []
    for n in dir(obj):
        try:
            guarded_getattr(obj, n)
        except Exception:
            continue
        names.append(n)
    return names


def _vars(*args: Any) -> dict[str, Any]:
    if len(args) != 1:
        raise TypeError('vars() needs exactly one argument in the sandbox')
    obj = args[0]
    t = type(obj)
    if SANDBOX_CLASS_MARK in t.__dict__ and t.__dict__[SANDBOX_CLASS_MARK] is run_token():
        try:
            return object.__getattribute__(obj, '__dict__')
        except AttributeError:
            raise TypeError('vars() argument must have __dict__ attribute') from None
    if t is type and is_sandbox_class(obj):
        return {k: v for k, v in obj.__dict__.items() if not k.startswith('__')}
    raise TypeError(f"vars() of a '{t.__name__}' object is not available in the sandbox")


# -- text: no addresses, sets in canonical order (runtime/rendering.py) -----------------------------
def _format(value: Any, format_spec: Any = '', /) -> str:
    if isinstance(format_spec, str) and format_spec == '':
        return stable_format(value)
    return _guarded_ops.checked_format(value, format_spec)


_str, _list, _tuple, _set, _frozenset = str, list, tuple, set, frozenset


def _call_one(func: Any, arg: Any) -> Any:
    """`_m_call1`: a call `str(x)`, `list(x)` or `tuple(x)` (whatever those names hold at run time)."""
    if func is _str:
        return stable_str(arg)
    if func is _list or func is _tuple:
        if type(arg) in SETS:
            return func(canonical(arg))
        _sizecheck.check_items(arg, f'{func.__name__}() of a text')
    elif (func is _set or func is _frozenset) and type(arg) in _sizecheck.TEXT_TYPES:
        return func(metered(arg))  # few items, but one C loop over every character
    return func(arg)


def _unpack(value: Any) -> Any:
    """`_m_unpack`: what `*x` unpacks: a set in canonical order, a long str or bytes weighed first."""
    if type(value) in SETS:
        return canonical(value)
    _sizecheck.check_items(value, 'unpacking a text')
    return value


def _expand_call(obj: Any, name: str, /, *args: Any, **kwargs: Any) -> Any:
    """`_m_expand_call`: `obj.name(*args, **kwargs)` for the methods that expand a long str or bytes in one
    C call (`split`, `splitlines`, `encode`, ...: sizecheck.EXPANDING_METHODS), the result weighed first.
    The compiler sends only long texts here, except where it cannot test the receiver inline."""
    if type(obj) in _sizecheck.TEXT_TYPES:
        if len(obj) >= _sizecheck.EXPANDS_FROM:
            _sizecheck.EXPANDING_METHODS[name](obj, args, kwargs)
        return getattr(obj, name)(*args, **kwargs)
    return guarded_getattr(obj, name)(*args, **kwargs)


# The sandbox's versions of these builtins keep CPython's names (`getattr.__name__`, the repr
# `<built-in function getattr>` built from it, and `getattr() argument after * must be ...`).
for _fn, _name in (
    (_format, 'format'),
    (sandbox_getattr, 'getattr'),
    (sandbox_hasattr, 'hasattr'),
    (sandbox_setattr, 'setattr'),
    (sandbox_delattr, 'delattr'),
    (_dir, 'dir'),
    (_vars, 'vars'),
    (_guarded_ops.checked_pow, 'pow'),
):
    _fn.__name__ = _fn.__qualname__ = _name
    _fn.__module__ = 'builtins'


def _template() -> dict[str, Any]:
    ns: dict[str, Any] = {name: getattr(_b, name) for name in _SHARED_NAMES}
    for name, value in vars(_b).items():
        if isinstance(value, type) and issubclass(value, BaseException) and not name.startswith('_'):
            ns[name] = value
    ns.update({name: _unavailable(name) for name in _UNAVAILABLE})
    ns.update(
        type=SandboxType,
        getattr=sandbox_getattr,
        hasattr=sandbox_hasattr,
        setattr=sandbox_setattr,
        delattr=sandbox_delattr,
        dir=_dir,
        vars=_vars,
        __build_class__=build_class,
        range=SandboxRange,
        bytes=SandboxBytes,
        bytearray=SandboxBytearray,
        pow=_guarded_ops.checked_pow,
        divmod=_guarded_ops.checked_divmod,
        round=_guarded_ops.checked_round,
        format=_format,
        hash=sandbox_hash,
        repr=stable_repr,
        ascii=stable_ascii,
        _m_add=_guarded_ops.add,
        _m_concat=_guarded_ops.concat,
        _m_iadd=_guarded_ops.iadd,
        _m_mul=_guarded_ops.mul,
        _m_imul=_guarded_ops.imul,
        _m_pow=_guarded_ops.power,
        _m_ipow=_guarded_ops.ipower,
        _m_lshift=_guarded_ops.lshift,
        _m_ilshift=_guarded_ops.ilshift,
        _m_mod=checked_mod,
        _m_imod=checked_imod,
        _m_floordiv=_guarded_ops.floordiv,
        _m_ifloordiv=_guarded_ops.ifloordiv,
        _m_format=_format,
        _m_field=stable_field,
        _m_repr=stable_repr,
        _m_str=stable_str,
        _m_ascii=stable_ascii,
        _m_call1=_call_one,
        _m_call_str=_call_str,
        _m_ordered=ordered,
        _m_run_classes=frozenset(),  # each run's own set (Identities.classes), see execution/run.py
        _m_plain_types=NATIVE_TEXT,  # each run's own growing set (Identities.plain), see execution/run.py
        _m_sets=SETS,
        _m_check_len=_sizecheck.check_length,
        _m_int=int,
        _m_bits=int.bit_length,
        _m_numbers=frozenset({int, float, bool, complex}),
        _m_texts=_sizecheck.TEXT_TYPES,
        _m_expands=SETS | _sizecheck.TEXT_TYPES,
        _m_size=len,
        _m_expand_call=_expand_call,
        _m_unpack=_unpack,
        _m_pattern_attr=match_attr,
        _m_pattern_missing=_MATCH_MISSING,
        _m_getattr=guarded_getattr,
        _m_open_types=open_types(),  # each run's own (Identities.open), see execution/run.py
        _m_class_pattern=match_for,
        _m_pattern_values=PatternValues,
        _m_setattr=guarded_setattr,
        _m_delattr=guarded_delattr,
        _m_tick=next,
        _m_type=type,
        _m_loop_iter=compress,  # replaced by loop_iter below
    )
    return ns


TEMPLATE = _template()


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
WRAPPERS[(str, '__mod__')] = lambda s: lambda args, /: checked_mod(s, args)


def min(*args: Any, **kwargs: Any) -> Any:
    return _b.min(*_meter_first(args) if len(args) == 1 else args, **_text_key(kwargs))


def max(*args: Any, **kwargs: Any) -> Any:
    return _b.max(*_meter_first(args) if len(args) == 1 else args, **_text_key(kwargs))


def sorted(*args: Any, **kwargs: Any) -> list[Any]:
    if args:
        _sizecheck.check_items(args[0], 'sorted() of a text')
    return _b.sorted(*_meter_first(args), **_text_key(kwargs))


def any(*args: Any, **kwargs: Any) -> bool:
    return _b.any(*_meter_first(args), **kwargs)


def all(*args: Any, **kwargs: Any) -> bool:
    return _b.all(*_meter_first(args), **kwargs)


def iter(*args: Any) -> Any:
    if len(args) == 1 and type(args[0]) in SETS:
        return _b.iter(canonical(args[0]))
    it = _b.iter(*args)
    if it is args[0] or (len(args) == 1 and type(args[0]) in _IN_MEMORY):
        return it  # already an iterator (keeps `iter(it) is it`), or bounded by memory
    return compress(it, _ticker())


# Lazy adapters: subclasses of the C-level `compress`, so iterating them stays in C and ticks; they
# keep CPython's names for `type(x).__name__` and isinstance checks.
class map(compress):
    """map(func, *iterables) --> map object, metered."""

    __slots__ = ()

    def __new__(cls, func: Any, *iterables: Any) -> map:
        if func is str and len(iterables) == 1:
            func = stable_str  # `map(str, rows)`: each item's text weighed and stable, as `str(row)`
        return compress.__new__(cls, _b.map(func, *_b.map(ordered, iterables)), _ticker())


class filter(compress):
    """filter(function or None, iterable) --> filter object, metered."""

    __slots__ = ()

    def __new__(cls, function: Any, iterable: Any, /) -> filter:
        return compress.__new__(cls, _b.filter(function, ordered(iterable)), _ticker())


class zip(compress):
    """zip(*iterables, strict=False) --> zip object, metered."""

    __slots__ = ()

    def __new__(cls, *iterables: Any, strict: bool = False) -> zip:
        return compress.__new__(cls, _b.zip(*_b.map(ordered, iterables), strict=strict), _ticker())


class enumerate(compress):
    """enumerate(iterable, start=0) --> enumerate object, metered."""

    __slots__ = ()

    def __new__(cls, iterable: Any, start: int = 0) -> enumerate:
        return compress.__new__(cls, _b.enumerate(ordered(iterable), start), _ticker())


class reversed(compress):
    """reversed(sequence) --> reverse iterator, metered."""

    __slots__ = ()

    def __new__(cls, sequence: Any, /) -> reversed:
        return compress.__new__(cls, _b.reversed(sequence), _ticker())


for _adapter in (map, filter, zip, enumerate, reversed):
    _adapter.__module__ = 'builtins'
    ALLOWED[_adapter] = frozenset()
for _fn in (sum, min, max, sorted, any, all, iter):
    _fn.__module__ = 'builtins'
    TEMPLATE[_fn.__name__] = _fn
for _adapter in (map, filter, zip, enumerate, reversed):
    TEMPLATE[_adapter.__name__] = _adapter
TEMPLATE[LOOP_ITER] = loop_iter


def make_builtins(meter: Meter, print_fn: Callable[..., None], importer: Importer) -> dict[str, Any]:
    """One run's builtins dictionary: the shared template plus the run's own entries (`RUN_NAMES`)."""
    ns = TEMPLATE.copy()
    meter.builtins = ns
    ns.update(
        print=print_fn,
        __import__=importer,
        _m_import=importer.import_module,
        _m_import_from=importer.import_from,
        _m_ticker=meter.ticker,
        _m_too_deep=meter.too_deep,
        _m_handler_check=meter.handler_check,
        _m_max_depth=meter.max_depth,
    )
    return ns


# The names each run binds itself (the compiler must know every builtin name: a global that is not
# bound yet reads the builtin, `print` included).
RUN_NAMES = frozenset(
    {'print', '__import__', IMPORT, IMPORT_FROM, TICKER, TOO_DEEP, HANDLER_CHECK, MAX_DEPTH}
)


def _check_contract() -> None:
    """Every hook the compiled code loads from its builtins is bound (hooks.py): a name the rewrite
    emits and nobody binds fails here, when the package is imported."""
    unbound = sorted(BUILTIN_HOOKS - TEMPLATE.keys())
    if unbound:
        raise ImportError(f'compiler hooks without a runtime binding: {", ".join(unbound)}')
    per_run = RUN_NAMES - {'print', '__import__'}
    if per_run != RUN_HOOKS:
        raise ImportError(f'per-run hooks out of step with hooks.py: {sorted(per_run ^ RUN_HOOKS)}')


_check_contract()
