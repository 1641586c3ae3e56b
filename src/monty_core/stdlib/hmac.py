"""`hmac` in the sandbox: CPython's, with `digestmod` a hash name or a `hashlib` constructor."""

from __future__ import annotations

import hashlib as _hl
import hmac as _hmac
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind
from .hashlib import HASH_ATTRS, HASH_NAMES

allow(_hmac.HMAC, HASH_ATTRS)


def _hmac_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def new(key: Any, msg: Any = None, digestmod: Any = '') -> _hmac.HMAC:
        return _hmac.new(key, msg, _digest_name(digestmod))

    def digest(key: Any, msg: Any, digest: Any) -> bytes:
        return _hmac.digest(key, msg, _digest_name(digest))

    return {
        'new': new,
        'digest': digest,
        'compare_digest': _hmac.compare_digest,
        'HMAC': _hmac.HMAC,
    }


_CONSTRUCTORS = {getattr(_hl, n): n for n in HASH_NAMES}


def _digest_name(digestmod: Any) -> Any:
    if isinstance(digestmod, str) or digestmod is None:
        return digestmod
    try:
        return _CONSTRUCTORS[digestmod]
    except (KeyError, TypeError):
        raise TypeError('digestmod must be a hash name or a hashlib constructor in the sandbox') from None
