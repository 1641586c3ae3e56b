"""`html` in the sandbox: CPython's `escape` and `unescape`, their results weighed when they can grow."""

from __future__ import annotations

import html as _html
from typing import Any

from ..runtime.modules import RunContext
from ..runtime.sizecheck import EXPANDS_FROM
from ._support import reserve

_HTML_GROWTH = (('&', 4), ('<', 3), ('>', 3))
_HTML_QUOTE_GROWTH = (('"', 5), ("'", 5))
_CHARREF: Any = getattr(_html, '_charref')  # noqa: B009 - CPython's pattern and replacement function
_REPLACE_CHARREF: Any = getattr(_html, '_replace_charref')  # noqa: B009


def _html_factory(ctx: RunContext) -> dict[str, Any]:
    def escape(s: Any, quote: bool = True) -> str:
        # Five native replaces, each a full copy of a text up to 6 times longer: weighed first.
        if isinstance(s, str) and len(s) >= EXPANDS_FROM:
            growth = (*_HTML_GROWTH, *_HTML_QUOTE_GROWTH) if quote else _HTML_GROWTH
            size = len(s) + sum(extra * s.count(char) for char, extra in growth)
            reserve(ctx, 2 * size * (1 if s.isascii() else 4), 'html.escape() output')
        return _html.escape(s, quote)

    def unescape(s: Any) -> str:
        # CPython's regex substitution calls a Python function per reference, in host code: each ticks.
        if not isinstance(s, str) or '&' not in s:
            return _html.unescape(s)
        ticker = ctx.meter.ticker

        def replace(match: Any) -> str:
            next(ticker)
            return _REPLACE_CHARREF(match)

        return _CHARREF.sub(replace, s)

    escape.__doc__ = _html.escape.__doc__
    unescape.__doc__ = _html.unescape.__doc__
    return {'escape': escape, 'unescape': unescape}
