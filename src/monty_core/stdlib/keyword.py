"""`keyword` in the sandbox: CPython's keyword lists (copied for each run) and tests."""

from __future__ import annotations

import keyword as _keyword
from typing import Any

from ..runtime.modules import RunContext

_KEYWORDS = frozenset(_keyword.kwlist)
_SOFT_KEYWORDS = frozenset(_keyword.softkwlist)


def iskeyword(s: Any, /) -> bool:
    """Return True if s is a Python keyword."""
    return s in _KEYWORDS


def issoftkeyword(s: Any, /) -> bool:
    """Return True if s is a Python soft keyword."""
    return s in _SOFT_KEYWORDS


iskeyword.__module__ = issoftkeyword.__module__ = 'keyword'


def _keyword_factory(ctx: RunContext) -> dict[str, Any]:
    return {
        'kwlist': list(_keyword.kwlist),
        'softkwlist': list(_keyword.softkwlist),
        'iskeyword': iskeyword,
        'issoftkeyword': issoftkeyword,
    }
