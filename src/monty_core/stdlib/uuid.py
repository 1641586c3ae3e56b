"""`uuid` in the sandbox: CPython's `UUID`, `uuid3`, `uuid5` and namespaces; `uuid4()` draws from the host's
`random_bytes` hook (`RuntimeError` without it). Left out: `uuid1`/`getnode` (host clock and MAC address),
`UUID.is_safe`.
"""

from __future__ import annotations

import uuid as _uuid
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, random_bytes

allow(
    _uuid.UUID,
    {
        'bytes',
        'bytes_le',
        'clock_seq',
        'clock_seq_hi_variant',
        'clock_seq_low',
        'fields',
        'hex',
        'int',
        'node',
        'time',
        'time_hi_version',
        'time_low',
        'time_mid',
        'urn',
        'variant',
        'version',
    },
)


def _uuid_factory(ctx: RunContext) -> dict[str, Any]:
    def uuid4() -> _uuid.UUID:
        return _uuid.UUID(bytes=random_bytes(ctx, 16, 'uuid.uuid4()'), version=4)

    return {
        'UUID': _uuid.UUID,
        'uuid3': _uuid.uuid3,
        'uuid4': uuid4,
        'uuid5': _uuid.uuid5,
        'NAMESPACE_DNS': _uuid.NAMESPACE_DNS,
        'NAMESPACE_URL': _uuid.NAMESPACE_URL,
        'NAMESPACE_OID': _uuid.NAMESPACE_OID,
        'NAMESPACE_X500': _uuid.NAMESPACE_X500,
        'RESERVED_NCS': _uuid.RESERVED_NCS,
        'RFC_4122': _uuid.RFC_4122,
        'RESERVED_MICROSOFT': _uuid.RESERVED_MICROSOFT,
        'RESERVED_FUTURE': _uuid.RESERVED_FUTURE,
    }
