"""`shlex` in the sandbox: CPython's `split`, `join` and `quote`. `split` runs CPython's lexer over a
text stream that ticks the meter at every read (the lexer reads one character at a time in host code).
Left out: the `shlex` class (its state is public attributes that host code and the program would share)."""

from __future__ import annotations

import io
import shlex as _shlex
from typing import Any

from ..runtime.modules import RunContext
from ._support import reserve, ticked


class _TickingText(io.StringIO):
    """The text `split` lexes: each read ticks the run's meter."""

    def __init__(self, text: str, ticker: Any) -> None:
        super().__init__(text)
        self._ticker = ticker

    def read(self, size: int | None = -1, /) -> str:
        next(self._ticker)
        return super().read(size)

    def readline(self, size: int = -1, /) -> str:
        next(self._ticker)
        return super().readline(size)


def _shlex_factory(ctx: RunContext) -> dict[str, Any]:
    def split(s: Any, comments: bool = False, posix: bool = True) -> list[str]:
        if s is None:
            raise ValueError(
                's argument must not be None (it would read standard input, which the sandbox does not have)'
            )
        if not isinstance(s, str):
            raise TypeError(f'shlex.split() takes a str in the sandbox, not {type(s).__name__}')
        lex = _shlex.shlex(_TickingText(s, ctx.meter.ticker), posix=posix)
        lex.whitespace_split = True
        if not comments:
            lex.commenters = ''
        return list(ticked(ctx, lex))

    def quote(s: Any) -> str:
        if isinstance(s, str):
            # Each `'` becomes five characters (`'"'"'`): weighed before the C `replace` builds it.
            reserve(ctx, len(s) + 4 * s.count("'") + 2, 'shlex.quote() result')
        return _shlex.quote(s)

    def join(split_command: Any) -> str:
        return ' '.join(quote(arg) for arg in ticked(ctx, iter(split_command)))

    for fn in (split, join, quote):
        fn.__doc__ = getattr(_shlex, fn.__name__).__doc__
        fn.__module__ = 'shlex'
    return {'split': split, 'join': join, 'quote': quote}
