"""The sandbox's builtins: CPython's safe builtins, guarded or metered versions of the rest.

`make_builtins` builds one run's dictionary. It is a fresh dict per run (runs share no state), made
from a template of shared entries plus the run's own: its ticker, print, importer and guards.

Where the entries come from: the stand-in classes (`type`, `range`, `bytes`, `bytearray`: standins.py),
`__build_class__` (class_statement.py), the metered consumers and adapters (`sum`, `map`, ...: no
builtin consumes an iterator in one C call without ticks, metered.py), the attribute builtins
(guards.py), the text builtins (rendering.py), the checked arithmetic (guarded_ops.py), and the hooks
the compiled code calls (hooks.py; `_check_contract` checks at import that each is bound).
"""

from __future__ import annotations

import builtins as _b
from collections.abc import Callable
from typing import Any

from ..hooks import (
    BUILTIN_HOOKS,
    HANDLER_CHECK,
    IMPORT,
    IMPORT_FROM,
    MAX_DEPTH,
    RUN_HOOKS,
    TICKER,
    TOO_DEEP,
)
from . import formatting as _formatting  # noqa: F401 - registers the guarded format and text methods
from . import guarded_ops as _guarded_ops
from . import sizecheck as _sizecheck
from . import text_dunders as _text_dunders  # noqa: F401 - registers what reading `__repr__` & co. gives
from .allowlists import WRAPPERS
from .arity import NOARG, expected
from .class_statement import build_class
from .classes import (
    SANDBOX_CLASS_MARK,
    is_sandbox_class,
    run_token,
)
from .guards import (
    _MATCH_MISSING,
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
from .identities import NATIVE_TEXT, sandbox_id
from .meter import Meter
from .metered import ADAPTERS, CONSUMERS, loop_iter, metered
from .modules import Importer
from .patterns import PatternValues, match_for
from .plain_reads import open_types
from .printf import checked_imod, checked_mod
from .rendering import (
    MESSAGE_IS_ARG,
    SETS,
    canonical,
    ordered,
    stable_ascii,
    stable_field,
    stable_format,
    stable_repr,
    stable_str,
)
from .standins import SandboxBytearray, SandboxBytes, SandboxRange, SandboxType, str_call

# (The `name as name` imports above are re-exports for stdlib/, renamed on another branch, which imports
# them from here: remove them once its import lines name class_statement.py and standins.py.)
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
}


def _call_str(func: Any, *args: Any, **kwargs: Any) -> Any:
    """`_m_call_str`: a call of the name `str` with keywords or `*args` (whatever the name holds)."""
    if func is _b.str:
        return str_call(*args, **kwargs)
    return func(*args, **kwargs)


def _unavailable(name: str) -> Callable[..., Any]:
    reason = _UNAVAILABLE[name]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NameError(f"name '{name}' is not available: {reason}")

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


def _dir(obj: Any = NOARG, /, *more: Any) -> list[str]:
    if more:
        raise expected('dir', 1 + len(more), 0, 1)
    if obj is NOARG:
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
    if len(args) > 1:
        raise expected('vars', len(args), 0, 1)
    if not args:
        raise TypeError('vars() without arguments is not supported in the sandbox')
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
def _format(value: Any = NOARG, format_spec: Any = '', /, *more: Any) -> str:
    if value is NOARG or more:
        raise expected('format', len(more) + 2 if more else 0, 1, 2)
    if isinstance(format_spec, str) and format_spec == '':
        return stable_format(value)
    return _guarded_ops.checked_format(value, format_spec)


_str, _list, _tuple, _set, _frozenset = str, list, tuple, set, frozenset


def _call_one(func: Any, arg: Any) -> Any:
    """`_m_call1`: a call `str(x)`, `list(x)` or `tuple(x)` (whatever those names hold at run time)."""
    if func is _str:
        if type(arg) in MESSAGE_IS_ARG:
            args = arg.args
            if len(args) == 1 and type(args[0]) is _str:
                return args[0]
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
    (sandbox_id, 'id'),
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
        id=sandbox_id,
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
        _m_loop_iter=loop_iter,
    )
    return ns


TEMPLATE = _template()
for _fn in (*CONSUMERS, *ADAPTERS):
    TEMPLATE[_fn.__name__] = _fn
# `s.__mod__` read as a method: the sandbox's `%` (printf.py), stable and weighed as the operator is.
WRAPPERS[(str, '__mod__')] = lambda s: lambda args, /: checked_mod(s, args)


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
