"""`re` in the sandbox: CPython's `re` API over the `regex` engine, which can time out.

Every match operation runs with a timeout equal to the run's remaining time, so a catastrophic
pattern (`(a+)+$`) ends the run with its time-limit error instead of hanging the host. Patterns use
`regex`'s VERSION0 mode, the `re`-compatible one.

Offered: `compile`, `search`, `match`, `fullmatch`, `findall`, `finditer`, `sub`, `subn`, `split`,
`escape`, `purge`, `error`, `Pattern`, `Match` and the flags (`I`/`IGNORECASE`, `M`/`MULTILINE`,
`S`/`DOTALL`, `X`/`VERBOSE`, `A`/`ASCII`, `U`/`UNICODE`, `L`/`LOCALE`, `NOFLAG`). Left out:
`re.DEBUG` (it prints from the host), `Pattern.scanner`, `re.template`. Flags are plain ints (their
repr differs from CPython's `re.IGNORECASE`); error messages for invalid patterns are `regex`'s, which
can differ in wording from CPython's. `regex`-only syntax (possessive quantifiers, `\\p{...}`) is
accepted.
"""

from __future__ import annotations

import re as _re
from collections.abc import Callable
from typing import Any, cast

import regex as _regex

from ..runtime.modules import RunContext
from ._support import (
    Sealed,
    allow,
    build,
    no_init,
    remaining_time,
    reserve,
    tick,
    ticked,
    time_limit_exceeded,
)

allow(_regex.error, {'msg', 'pattern', 'pos', 'args', 'add_note'})
allow(_re.RegexFlag, {'name', 'value'})  # `re.IGNORECASE` and friends

# re flag bit -> regex flag bit (ASCII and DEBUG differ; DEBUG is refused).
_FLAG_BITS = {2: 2, 4: 4, 8: 8, 16: 16, 32: 32, 64: 64, 256: 128}
_RE_FROM_REGEX = {v: k for k, v in _FLAG_BITS.items()}
_FLAG_NAMES = {
    'I': 2,
    'IGNORECASE': 2,
    'L': 4,
    'LOCALE': 4,
    'M': 8,
    'MULTILINE': 8,
    'S': 16,
    'DOTALL': 16,
    'U': 32,
    'UNICODE': 32,
    'X': 64,
    'VERBOSE': 64,
    'A': 256,
    'ASCII': 256,
    'NOFLAG': 0,
}
_FLAG_REPR = [
    (2, 're.IGNORECASE'),
    (4, 're.LOCALE'),
    (8, 're.MULTILINE'),
    (16, 're.DOTALL'),
    (64, 're.VERBOSE'),
    (256, 're.ASCII'),
]
_SMALL_RESULT = 4_000_000


def _to_regex_flags(flags: Any) -> int:
    if isinstance(flags, bool) or not isinstance(flags, int):
        raise TypeError(f'flags must be an int, not {type(flags).__name__}')
    flags = int(flags)
    out = _regex.V0
    for bit, rbit in _FLAG_BITS.items():
        if flags & bit:
            out |= rbit
            flags &= ~bit
    if flags & 128:
        raise ValueError('re.DEBUG is not supported in the sandbox')
    if flags & ~1:
        raise ValueError(f'unknown flags: {flags:#x}')
    return out


def _from_regex_flags(rflags: int) -> int:
    return sum(bit for rbit, bit in _RE_FROM_REGEX.items() if rflags & rbit)


def _timeout(ctx: RunContext) -> float | None:
    return remaining_time(ctx)


def _timed_out(ctx: RunContext) -> BaseException:
    left = remaining_time(ctx)
    if left is not None and left > 0.05:
        return TimeoutError('regular expression evaluation timed out')
    return time_limit_exceeded(ctx)


class Pattern(Sealed):
    """A compiled regular expression (sandbox `re.Pattern`)."""

    __slots__ = ('_ctx', '_rx')
    _ctx: RunContext
    _rx: Any

    @property
    def pattern(self) -> Any:
        return self._rx.pattern

    @property
    def flags(self) -> int:
        return _from_regex_flags(self._rx.flags)

    @property
    def groups(self) -> int:
        return self._rx.groups

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self._rx.groupindex)

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        # CPython's type error for a non-string subject (`re.search(p, None)` is a common agent
        # bug); `regex` words it as 'a bytes-like object is required, not ...'.
        subject = args[1] if method == 'subn' else args[0]
        if not isinstance(subject, (str, bytes, bytearray, memoryview)):
            raise TypeError(f"expected string or bytes-like object, got '{type(subject).__name__}'")
        try:
            return getattr(self._rx, method)(*args, timeout=_timeout(self._ctx), **kwargs)
        except TimeoutError:
            raise _timed_out(self._ctx) from None

    def _wrap(self, m: Any) -> Match | None:
        return None if m is None else build(Match, _p=self, _m=m)

    def match(self, string: Any, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._wrap(self._call('match', string, pos, endpos))

    def search(self, string: Any, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._wrap(self._call('search', string, pos, endpos))

    def fullmatch(self, string: Any, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._wrap(self._call('fullmatch', string, pos, endpos))

    def findall(self, string: Any, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._call('findall', string, pos, endpos)

    def finditer(self, string: Any, pos: int = 0, endpos: int | None = None) -> Any:
        it = self._call('finditer', string, pos, endpos)
        return ticked(self._ctx, _iter_matches(self, it))

    def split(self, string: Any, maxsplit: int = 0) -> list[Any]:
        return self._call('split', string, maxsplit)

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        return self._subn(repl, string, count)[0]

    def subn(self, repl: Any, string: Any, count: int = 0) -> tuple[Any, int]:
        return self._subn(repl, string, count)

    def _subn(self, repl: Any, string: Any, count: int) -> tuple[Any, int]:
        ctx = self._ctx
        bad: list[str] = []  # the join error of a callback's result (see `call_user`)
        if isinstance(repl, (str, bytes)):
            n = len(string) if isinstance(string, (str, bytes)) else 0
            refs = cast(Any, repl).count('\\' if isinstance(repl, str) else b'\\')
            bound = n + (n + 1) * (len(repl) + refs * n)
            if bound <= _SMALL_RESULT:
                return self._call('subn', repl, string, count)
            template = repl

            def expand(m: Any) -> Any:
                return m.expand(template)

            fn: Callable[[Any], Any] = expand
        elif callable(repl):
            user = repl
            text = isinstance(self._rx.pattern, str)
            empty: Any = '' if text else b''
            # CPython (`_sre`) calls every callback, drops `None` results, then joins the pieces
            # (non-empty gaps and results): a wrong result type fails at the join, naming its
            # piece index, after all callbacks ran.
            pieces = [0, 0]  # [pieces so far, end of the previous match]

            def call_user(m: Any) -> Any:
                if m.start() > pieces[1]:
                    pieces[0] += 1
                pieces[1] = m.end()
                out = user(build(Match, _p=self, _m=m))
                if out is None:
                    return empty
                ok = isinstance(out, str) if text else isinstance(out, (bytes, bytearray))
                if not ok:
                    if not bad:
                        want = 'str instance' if text else 'a bytes-like object'
                        bad.append(f'sequence item {pieces[0]}: expected {want}, {type(out).__name__} found')
                    return empty
                pieces[0] += 1
                return bytes(out) if isinstance(out, bytearray) else out

            fn = call_user
        else:
            raise TypeError(f'expected str or callable, not {type(repl).__name__}')
        total = [0, _SMALL_RESULT]

        def counted(m: Any) -> Any:
            tick(ctx)
            out = fn(m)
            total[0] += len(out)
            if total[0] > total[1]:
                reserve(ctx, total[0] * 2, 're.sub() result')
                total[1] = total[0] * 2
            return out

        result = self._call('subn', counted, string, count)
        if bad:
            raise TypeError(bad[0])
        return result

    def __repr__(self) -> str:
        flags = self.flags
        if isinstance(self._rx.pattern, str):
            flags &= ~32
        text = f're.compile({self._rx.pattern!r:.200}'
        if flags:
            names = [name for bit, name in _FLAG_REPR if flags & bit]
            text += ', ' + '|'.join(names)
        return text + ')'

    def __eq__(self, other: object) -> bool:
        if type(other) is not Pattern:
            return NotImplemented
        return self._rx.pattern == other._rx.pattern and self._rx.flags == other._rx.flags

    def __hash__(self) -> int:
        return hash((self._rx.pattern, self._rx.flags))


def _iter_matches(pattern: Pattern, it: Any) -> Any:
    try:
        for m in it:
            yield build(Match, _p=pattern, _m=m)
    except TimeoutError:
        raise _timed_out(pattern._ctx) from None


class Match(Sealed):
    """The result of a successful match (sandbox `re.Match`)."""

    __slots__ = ('_m', '_p')
    _m: Any
    _p: Pattern

    def group(self, *groups: Any) -> Any:
        return self._m.group(*groups)

    def __getitem__(self, g: Any) -> Any:
        return self._m[g]

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return self._m.groups(default)

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        return self._m.groupdict(default)

    def start(self, group: Any = 0) -> int:
        return self._m.start(group)

    def end(self, group: Any = 0) -> int:
        return self._m.end(group)

    def span(self, group: Any = 0) -> tuple[int, int]:
        return self._m.span(group)

    def expand(self, template: Any) -> Any:
        if not isinstance(template, (str, bytes)):
            raise TypeError(f'expected str instance, {type(template).__name__} found')
        refs = cast(Any, template).count('\\' if isinstance(template, str) else b'\\')
        reserve(self._p._ctx, len(template) + refs * len(self._m.string), 'Match.expand() result')
        return self._m.expand(template)

    @property
    def string(self) -> Any:
        return self._m.string

    @property
    def re(self) -> Pattern:
        return self._p

    @property
    def pos(self) -> int:
        return self._m.pos

    @property
    def endpos(self) -> int:
        return self._m.endpos

    @property
    def lastindex(self) -> int | None:
        return self._m.lastindex

    @property
    def lastgroup(self) -> str | None:
        return self._m.lastgroup

    @property
    def regs(self) -> tuple[tuple[int, int], ...]:
        return self._m.regs

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f'<re.Match object; span={self._m.span()!r}, match={self._m.group()!r}>'


for _cls in (Pattern, Match):
    _cls.__module__ = 're'
    no_init(_cls)
    allow(_cls, {n for n in vars(_cls) if not n.startswith('_')})


# -- weighing a pattern before the engine compiles it ---------------------------------------------------
# `regex` expands counted repeats when it compiles (`a{10000000}` builds ten million nodes: 7 s and
# 2.6 GB in one C call; `((a{1000}){1000}){1000}` a billion). A pattern is weighed first: the number
# of nodes its counted repeats can expand to, each costing about `_BYTES_PER_NODE` (measured).
_COUNTED_REPEAT = _re.compile(r'\{(\d*)(?:,(\d*))?\}')
_BYTES_PER_NODE = 256
_WEIGH_FROM = 1_000  # patterns lighter than this compile in microseconds: not reserved


def pattern_weight(pattern: str) -> int:
    """An upper bound of the nodes `pattern` compiles to: every atom counts 1, times the counts of the
    counted repeats (`{m}`, `{m,n}`, `{,n}`) around it; `*`, `+`, `?` do not expand."""
    totals = [0]  # the weight of each open group so far (the pattern itself at the bottom)
    last = 0  # the weight of the last atom, group or class: what a repeat applies to
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == '{' and (m := _COUNTED_REPEAT.match(pattern, i)):
            count = max((min(int(d[:12]), 10**12) for d in m.groups() if d), default=1)
            totals[-1] += last * (count - 1)
            last *= count
            i = m.end()
            continue
        if c == '(':
            totals.append(0)
            i += 1
            continue
        if c == ')' and len(totals) > 1:
            last = max(totals.pop(), 1)
            totals[-1] += last
            i += 1
            continue
        i = _class_end(pattern, i + 1) if c == '[' else i + (2 if c == '\\' else 1)
        last = 1
        totals[-1] += 1
    return sum(totals)


def _class_end(pattern: str, i: int) -> int:
    """The index just past the `]` closing the character class whose body starts at `i`."""
    n = len(pattern)
    if i < n and pattern[i] == '^':
        i += 1
    if i < n and pattern[i] == ']':
        i += 1  # a `]` first in the class is a literal
    while i < n and pattern[i] != ']':
        i += 2 if pattern[i] == '\\' else 1
    return i + 1


def _weigh(ctx: RunContext, pattern: str | bytes) -> None:
    """Reserve what compiling `pattern` will build (`MemoryError` if the run cannot afford it)."""
    if len(pattern) >= 4:  # (the shortest counted repeat, `a{2}`)
        weight = pattern_weight(pattern if isinstance(pattern, str) else pattern.decode('latin-1'))
        if weight >= _WEIGH_FROM:
            reserve(ctx, weight * _BYTES_PER_NODE, 'compiling this pattern')


def _factory(ctx: RunContext) -> dict[str, Any]:
    def compile(pattern: Any, flags: int = 0) -> Pattern:
        if type(pattern) is Pattern:
            if flags:
                raise ValueError('cannot process flags argument with a compiled pattern')
            return pattern
        if not isinstance(pattern, (str, bytes)):
            raise TypeError('first argument must be string or compiled pattern')
        _weigh(ctx, pattern)
        return build(Pattern, _ctx=ctx, _rx=_regex.compile(cast(Any, pattern), _to_regex_flags(flags)))

    def search(pattern: Any, string: Any, flags: int = 0) -> Match | None:
        return compile(pattern, flags).search(string)

    def match(pattern: Any, string: Any, flags: int = 0) -> Match | None:
        return compile(pattern, flags).match(string)

    def fullmatch(pattern: Any, string: Any, flags: int = 0) -> Match | None:
        return compile(pattern, flags).fullmatch(string)

    def findall(pattern: Any, string: Any, flags: int = 0) -> list[Any]:
        return compile(pattern, flags).findall(string)

    def finditer(pattern: Any, string: Any, flags: int = 0) -> Any:
        return compile(pattern, flags).finditer(string)

    def split(pattern: Any, string: Any, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return compile(pattern, flags).split(string, maxsplit)

    def sub(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> Any:
        return compile(pattern, flags).sub(repl, string, count)

    def subn(pattern: Any, repl: Any, string: Any, count: int = 0, flags: int = 0) -> tuple[Any, int]:
        return compile(pattern, flags).subn(repl, string, count)

    def escape(pattern: Any) -> Any:
        return _re.escape(pattern)

    def purge() -> None:
        return None

    exports: dict[str, Any] = {
        'compile': compile,
        'search': search,
        'match': match,
        'fullmatch': fullmatch,
        'findall': findall,
        'finditer': finditer,
        'split': split,
        'sub': sub,
        'subn': subn,
        'escape': escape,
        'purge': purge,
        'error': _regex.error,
        'Pattern': Pattern,
        'Match': Match,
    }
    exports.update(_FLAG_NAMES)
    return exports
