"""`binascii` in the sandbox: CPython's functions and errors."""

from __future__ import annotations

import binascii as _ba
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow

_BA_NAMES = (
    'hexlify',
    'unhexlify',
    'b2a_hex',
    'a2b_hex',
    'b2a_base64',
    'a2b_base64',
    'crc32',
    'crc_hqx',
    'b2a_qp',
    'a2b_qp',
    'b2a_uu',
    'a2b_uu',
    'Error',
    'Incomplete',
)
allow(_ba.Error, {'args', 'add_note'})
allow(_ba.Incomplete, {'args', 'add_note'})


def _binascii_factory(ctx: RunContext) -> dict[str, Any]:
    return {n: getattr(_ba, n) for n in _BA_NAMES}
