"""The contract between the compiler and the runtime: every name the rewritten code uses that sandbox
code cannot write (they all start with `_m_`, which the checker refuses in user code).

The compiler emits only these constants; the runtime binds them from this same table
(`runtime/builtins.py` checks at import that each builtin hook is bound, so a name the rewrite emits
and nobody binds fails when the package is imported, not in the middle of a user's run). Each entry
says what the rewrite turns into it, in the manner of RestrictedPython's transformer docs.

- `BUILTIN` hooks live in every run's builtins: shared functions, and the run's own ticker, importer
  and depth bound (`RUN_HOOKS`, bound per run by `make_builtins`).
- `GLOBAL` names live in the run's globals (the depth counter, the result, marks).
- `LOCAL` prefixes are names the compiled code binds itself (temporaries, flags, holders).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Hook:
    """One name of the contract and what the rewrite makes of sandbox code with it."""

    name: str
    rewrite: str
    where: Literal['builtin', 'run', 'global', 'local']


_TABLE: dict[str, Hook] = {}


def _hook(name: str, rewrite: str, where: Literal['builtin', 'run', 'global', 'local'] = 'builtin') -> str:
    _TABLE[name] = Hook(name, rewrite, where)
    return name


# -- attribute access: the guard (runtime/guards.py) ------------------------------------------------
GETATTR = _hook('_m_getattr', "`a.b` becomes `_m_getattr(a, 'b')` unless the read is plain (see OPEN_TYPES)")
SETATTR = _hook('_m_setattr', "`a.b = v` becomes `_m_setattr(v, a, 'b')` (the value first, as CPython)")
DELATTR = _hook('_m_delattr', "`del a.b` becomes `_m_delattr(a, 'b')`")
TYPE = _hook('_m_type', 'the real `type`, for the inline tests: `_m_type(a) in _m_open_types`')
OPEN_TYPES = _hook(
    '_m_open_types',
    "`a.b` (plain-safe `b`) becomes `a.b if _m_type(a) in _m_open_types else _m_getattr(a, 'b')`",
)
RUN_CLASSES = _hook('_m_run_classes', 'a method starts with `_m_self = _m_type(self) in _m_run_classes`')
# -- imports (runtime/modules.py) ---------------------------------------------------------------------
IMPORT = _hook('_m_import', "`import a.b` becomes `a = _m_import('a.b')`", 'run')
IMPORT_FROM = _hook('_m_import_from', "`from m import x` becomes `x, = _m_import_from('m', ('x',))`", 'run')
# -- the meter (runtime/meter.py) -------------------------------------------------------------------
TICKER = _hook('_m_ticker', "the run's ticker: `_m_tick(_m_ticker)` in loops, statement checks", 'run')
TICK = _hook('_m_tick', '`next`: `while c:` starts its body with `_m_tick(_m_ticker)`')
LOOP_ITER = _hook('_m_loop_iter', '`for x in it:` becomes `for x in _m_loop_iter(it, _m_ticker):`')
DEPTH = _hook('_m_depth', "the run's call depth object: functions do `_m_depth.d += 1` ... `-= 1`", 'global')
MAX_DEPTH = _hook(
    '_m_max_depth', 'a function starts with `if _m_depth.d > _m_max_depth: _m_too_deep(...)`', 'run'
)
TOO_DEEP = _hook(
    '_m_too_deep', 'called when the depth is over `_m_max_depth` (limit, stop or deadline)', 'run'
)
HANDLER_CHECK = _hook(
    '_m_handler_check',
    '`except E:` and `finally:` bodies start with a stop check calling `_m_handler_check`',
    'run',
)
# -- size checks (runtime/guarded_ops.py, sizecheck.py) ---------------------------------------------
ADD = _hook('_m_add', '`a + b` (may be big) becomes `_m_add(a, b)`')
IADD = _hook('_m_iadd', '`a += b` (may be big) becomes `a = _m_iadd(a, b)`')
CONCAT = _hook('_m_concat', "`f'{a}{b}'` run once becomes `_m_concat(f'{a}', f'{b}')`, weighed")
MUL = _hook('_m_mul', '`a * b` becomes `_m_mul(a, b)` unless both are tame numbers')
IMUL = _hook('_m_imul', '`a *= b` becomes `a = _m_imul(a, b)`')
POW = _hook('_m_pow', '`a ** b` becomes `_m_pow(a, b)`')
IPOW = _hook('_m_ipow', '`a **= b` becomes `a = _m_ipow(a, b)`')
LSHIFT = _hook('_m_lshift', '`a << b` becomes `_m_lshift(a, b)`')
ILSHIFT = _hook('_m_ilshift', '`a <<= b` becomes `a = _m_ilshift(a, b)`')
MOD = _hook('_m_mod', '`a % b` becomes `_m_mod(a, b)` (format widths, stable `%s`/`%r`)')
IMOD = _hook('_m_imod', '`a %= b` becomes `a = _m_imod(a, b)`')
FLOORDIV = _hook('_m_floordiv', '`a // b` of possibly huge ints becomes `_m_floordiv(a, b)` (work-bounded)')
IFLOORDIV = _hook('_m_ifloordiv', '`a //= b` becomes `a = _m_ifloordiv(a, b)`')
CHECK_LEN = _hook('_m_check_len', "a `__len__`'s `return n` becomes `return _m_check_len(n)`")
INT = _hook('_m_int', 'the real `int`, for inline numeric tests')
BITS = _hook('_m_bits', '`int.bit_length`, for the inline small-int test of a product')
NUMBERS = _hook('_m_numbers', 'the number types, for inline tests')
TEXTS = _hook('_m_texts', 'the text types, for inline length tests')
EXPANDS = _hook('_m_expands', 'the types a `*x` or a single C call may expand (sets, texts)')
SIZE = _hook('_m_size', '`len`, for inline length tests')
EXPAND_CALL = _hook(
    '_m_expand_call', "`s.split()` of a long text becomes `_m_expand_call(s, 'split')`, weighed"
)
UNPACK = _hook('_m_unpack', '`*x` becomes `*_m_unpack(x)` when `x` may be a set or a long text')
# -- text the same in every process (runtime/rendering.py, printf.py) ------------------------------------
FORMAT = _hook('_m_format', "`f'{x:{w}}'` becomes `f'{_m_format(x, w)}'` (checked spec)")
FIELD = _hook('_m_field', "`f'{x}'` becomes `f'{x if _m_type(x) in _m_plain_types else _m_field(x)}'`")
PLAIN_TYPES = _hook('_m_plain_types', 'the types whose text CPython renders stably (grows per run)')
REPR = _hook('_m_repr', "`f'{x!r}'` becomes `f'{_m_repr(x)}'`")
STR = _hook('_m_str', "`f'{x!s}'` becomes `f'{_m_str(x)}'`")
ASCII = _hook('_m_ascii', "`f'{x!a}'` becomes `f'{_m_ascii(x)}'`")
CALL1 = _hook('_m_call1', '`str(x)`/`list(x)`/`tuple(x)` become `_m_call1(str, x)` when `x` may not be plain')
CALL_STR = _hook('_m_call_str', '`str(object=x)`, `str(*xs)` become `_m_call_str(str, ...)`')
ORDERED = _hook('_m_ordered', '`a, b = s` of a set becomes `a, b = _m_ordered(s)` (canonical order)')
SETS = _hook('_m_sets', 'the set types, for inline tests')
# -- match statements (runtime/patterns.py) ---------------------------------------------------------
PATTERN_ATTR = _hook(
    '_m_pattern_attr', "`case C(name=n)` (guarded `name`) reads `_m_pattern_attr(subject, 'name')`"
)
PATTERN_MISSING = _hook('_m_pattern_missing', 'what `_m_pattern_attr` gives for a missing attribute')
PATTERN_VALUES = _hook(
    '_m_pattern_values', "a match's dotted names are read first: `_m_pvN = _m_pattern_values(...)`"
)
CLASS_PATTERN = _hook(
    '_m_class_pattern', '`case C(x=1)` becomes `case _m_pvN.vK(C(x=1))`, `vK = _m_class_pattern(C, ...)`'
)
# -- names the run's globals hold --------------------------------------------------------------------
RESULT = _hook('_m_result', 'the last expression statement `e` becomes `_m_result = e`', 'global')
SANDBOX_GLOBALS = _hook(
    '_m_sandbox', "the mark of a run's globals (sandbox functions are told by it)", 'global'
)
IDENTITIES = _hook('_m_identities', "the run's fake addresses (runtime/identities.Identities)", 'global')
MODULE_CONTEXT = _hook('_m_context', "the run's module context (a REPL's snippets share it)", 'global')
HOST_FUNCTIONS = _hook('_m_host_functions', "a REPL's host function handles", 'global')
# -- names the compiled code binds itself (prefixes: numbered per function or statement) ------------------
SELF_FLAG = _hook('_m_self', "a method's `self` is one of the run's classes (set once per call)", 'local')
TEMP = _hook('_m_f', 'the receiver of an inline test: `(_m_f := e).b if _m_type(_m_f) in ...`', 'local')
STORE_TEMP = _hook(
    '_m_t', 'targets stored in two steps: `a.b, c = v` unpacks into `_m_t1, _m_t2` first', 'local'
)
FLAG = _hook(
    '_m_o', "a variable's type test, made where it is bound: `_m_o1 = _m_type(x) in _m_open_types`", 'local'
)
PATTERN_HOLDER = _hook('_m_pv', 'the values of match statement N: `_m_pvN`', 'local')
MATCH_SUBJECT = _hook(
    '_m_ms', "the subject of match statement N, read before its patterns' values: `_m_msN`", 'local'
)
GUARDED_SUBJECT = _hook('_m_subj', 'a subject whose attributes a case guard reads: `_m_subjN`', 'local')
SUBSCRIPT_OBJECT = _hook('_m_sgo', '`d[k] += v` (may be big) reads `d` once: `_m_sgo`', 'local')
SUBSCRIPT_KEY = _hook('_m_sgk', '... and `k` once: `_m_sgk`', 'local')

HOOKS: dict[str, Hook] = dict(_TABLE)
BUILTIN_HOOKS: frozenset[str] = frozenset(n for n, h in HOOKS.items() if h.where == 'builtin')
RUN_HOOKS: frozenset[str] = frozenset(n for n, h in HOOKS.items() if h.where == 'run')
RESERVED_PREFIX = '_m_'
