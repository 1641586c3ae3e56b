"""Helpers shared by the differential tests (CPython vs monty)."""

from __future__ import annotations

import math
from typing import Any


def plain(value: Any) -> Any:
    """A comparable form of a final value that keeps types apart (1 vs 1.0 vs True, list vs tuple)."""
    if value is None or isinstance(value, (bool, int, str, bytes)):
        return (type(value).__name__, value)
    if isinstance(value, float):
        return ('float', 'nan' if math.isnan(value) else repr(value))
    if isinstance(value, complex):
        return ('complex', repr(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [plain(v) for v in value])
    if isinstance(value, dict):
        return ('dict', [(plain(k), plain(v)) for k, v in value.items()])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted((plain(v) for v in value), key=repr))
    return ('other', type(value).__name__, repr(value))
