"""Old location of memory.py, sizecheck.py, bigints.py and guarded_ops.py, kept only for the imports in
stdlib/ (being renamed on another branch). Remove once stdlib imports these names from their modules."""

from __future__ import annotations

from .bigints import check_gcd, check_int_bits, check_int_conversion, check_int_work, check_modpow
from .guarded_ops import floordiv, ifloordiv, ilshift, imul, lshift, mul
from .memory import CURRENT
from .sizecheck import EXPANDS_FROM, METERED_TEXT

__all__ = [
    'CURRENT',
    'EXPANDS_FROM',
    'METERED_TEXT',
    'check_gcd',
    'check_int_bits',
    'check_int_conversion',
    'check_int_work',
    'check_modpow',
    'floordiv',
    'ifloordiv',
    'ilshift',
    'imul',
    'lshift',
    'mul',
]
