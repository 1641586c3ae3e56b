"""`secrets` in the sandbox: tokens and choices drawn from the host's `random_bytes` hook (`RuntimeError`
without it).
"""

from __future__ import annotations

import hmac as _hmac
from typing import Any

from ..runtime.modules import RunContext
from ._support import random_bytes, reserve
from .random import Random


def _secrets_factory(ctx: RunContext) -> dict[str, Any]:
    import base64

    def token_bytes(nbytes: Any = None) -> bytes:
        n = 32 if nbytes is None else nbytes
        reserve(ctx, n, 'token')
        return random_bytes(ctx, n, 'secrets')

    def token_hex(nbytes: Any = None) -> str:
        return token_bytes(nbytes).hex()

    def token_urlsafe(nbytes: Any = None) -> str:
        return base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b'=').decode('ascii')

    def rng() -> Random:
        return Random(int.from_bytes(random_bytes(ctx, 32, 'secrets'), 'big'))

    def choice(seq: Any) -> Any:
        return rng().choice(seq)

    def randbelow(exclusive_upper_bound: int) -> int:
        if exclusive_upper_bound <= 0:
            raise ValueError('Upper bound must be positive.')
        return rng().randrange(exclusive_upper_bound)

    def randbits(k: int) -> int:
        return rng().getrandbits(k)

    return {
        'token_bytes': token_bytes,
        'token_hex': token_hex,
        'token_urlsafe': token_urlsafe,
        'choice': choice,
        'randbelow': randbelow,
        'randbits': randbits,
        'compare_digest': _hmac.compare_digest,
    }
