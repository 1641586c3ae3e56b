"""`fractions` in the sandbox: CPython's `Fraction` behind the sealed subclass of `_sealed_numbers.py`
(`**` and string exponents check the size of the integers they would build).
"""

from __future__ import annotations

from typing import Any

from ..runtime.modules import RunContext
from ._sealed_numbers import Fraction


def _fractions_factory(ctx: RunContext) -> dict[str, Any]:
    return {'Fraction': Fraction}
