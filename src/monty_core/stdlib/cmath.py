"""`cmath` in the sandbox: CPython's C functions and constants."""

from __future__ import annotations

import cmath as _cmath
from typing import Any

from ..runtime.modules import RunContext


def _cmath_factory(ctx: RunContext) -> dict[str, Any]:
    return {n: getattr(_cmath, n) for n in dir(_cmath) if not n.startswith('_')}
