"""`textwrap` in the sandbox: CPython's functions and `TextWrapper`, with the size of what prefixes and
wrap indents can amplify checked up front, and long texts wrapped under the meter.
"""

from __future__ import annotations

import textwrap as _tw
from operator import index as _index
from typing import Any, SupportsIndex

from ..runtime.modules import RunContext
from ._support import MAX_INDENT, InitOnly, allow, bind, current, ready, reserve, tick


def _check_wrap(text: Any, kwargs: dict[str, Any]) -> None:
    extra = sum(
        len(kwargs.get(k) or '')
        for k in ('initial_indent', 'subsequent_indent', 'placeholder')
        if isinstance(kwargs.get(k), str)
    )
    if extra > MAX_INDENT:
        reserve(current(), extra * (len(text) + 1) * 4 if isinstance(text, str) else 0, 'wrapped text')


_WRAP_OPTIONS = frozenset(
    {
        'width',
        'initial_indent',
        'subsequent_indent',
        'expand_tabs',
        'replace_whitespace',
        'fix_sentence_endings',
        'break_long_words',
        'drop_whitespace',
        'break_on_hyphens',
        'tabsize',
        'max_lines',
        'placeholder',
    }
)


class _TickingChunks(list[str]):
    """The chunks CPython's wrapper consumes with `pop()` in a Python loop: one tick per chunk puts
    that loop under the run's time and memory checks."""

    def pop(self, index: SupportsIndex = -1) -> str:
        tick(current())
        return super().pop(index)


class TextWrapper(InitOnly, _tw.TextWrapper):
    """Object for wrapping/filling text (CPython's, size-checked and metered)."""

    _settable = _WRAP_OPTIONS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ready(self)

    def wrap(self, text: Any) -> list[str]:
        _check_wrap(
            text, {k: getattr(self, k) for k in ('initial_indent', 'subsequent_indent', 'placeholder')}
        )
        return super().wrap(text)

    def fill(self, text: Any) -> str:
        return '\n'.join(self.wrap(text))

    def _split_chunks(self, text: str) -> list[str]:
        # CPython expands tabs first (one C call: `tabsize` spaces per tab, whatever `tabsize` is),
        # then a chunk can be one character: its str object and list slot take ~60 bytes.
        size = len(text)
        if self.expand_tabs and isinstance(self.tabsize, int) and '\t' in text:
            size += text.count('\t') * max(_index(self.tabsize), 0)
        reserve(current(), size * 60, 'wrapping text')
        return _TickingChunks(super()._split_chunks(text))


TextWrapper.__module__ = 'textwrap'
allow(TextWrapper, _WRAP_OPTIONS | {'wrap', 'fill'})


def _textwrap_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def wrap(text: Any, width: int = 70, **kwargs: Any) -> list[str]:
        return TextWrapper(width=width, **kwargs).wrap(text)

    def fill(text: Any, width: int = 70, **kwargs: Any) -> str:
        return TextWrapper(width=width, **kwargs).fill(text)

    def shorten(text: Any, width: int, **kwargs: Any) -> str:
        w = TextWrapper(width=width, max_lines=1, **kwargs)
        return w.fill(' '.join(text.strip().split()))

    def indent(text: Any, prefix: Any, predicate: Any = None) -> str:
        if isinstance(text, str) and isinstance(prefix, str):
            reserve(ctx, len(prefix) * (text.count('\n') + 1) + len(text), 'indented text')
        return _tw.indent(text, prefix, predicate)

    return {
        'wrap': wrap,
        'fill': fill,
        'shorten': shorten,
        'dedent': _tw.dedent,
        'indent': indent,
        'TextWrapper': TextWrapper,
    }
