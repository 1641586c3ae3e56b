"""`base64` in the sandbox: CPython's codecs. The base32/base85/ascii85 ones are Python loops in host code:
long inputs are coded in slices under the meter, their output weighed first.
"""

from __future__ import annotations

import base64 as _b64
from typing import Any

from ..runtime.modules import RunContext
from ._support import bind, current, reserve, ticked

_B64_NAMES = (
    'b64encode',
    'b64decode',
    'standard_b64encode',
    'standard_b64decode',
    'urlsafe_b64encode',
    'urlsafe_b64decode',
    'b32encode',
    'b32decode',
    'b32hexencode',
    'b32hexdecode',
    'b16encode',
    'b16decode',
    'b85encode',
    'b85decode',
    'a85encode',
    'a85decode',
    'encodebytes',
    'decodebytes',
)


# CPython's base32/base85/ascii85 codecs are Python loops (and lists of chunks: b85encode of 20 MB builds
# 880 MB) in host code, where no sandbox tick runs. Long inputs are coded in slices of whole groups (the
# result is the same: each group of 5 or 4 bytes is coded on its own, padding only at the end), the
# meter ticking between slices and the result weighed first.
_SLICE_GROUPS = 1 << 14


def _sliced_encoder(name: str, group: int, out_per_group: int) -> Any:
    real = getattr(_b64, name)

    def encode(s: Any, *args: Any, **kwargs: Any) -> bytes:
        if args or kwargs or not isinstance(s, (bytes, bytearray)) or len(s) < group * _SLICE_GROUPS:
            return real(s, *args, **kwargs)  # small, or options that do not slice (wrapcol, adobe)
        ctx = current()
        reserve(ctx, (len(s) // group + 1) * out_per_group * 2, f'{name}() output')
        step = group * _SLICE_GROUPS
        parts = [real(s[i : i + step]) for i in ticked(ctx, range(0, len(s), step))]
        return b''.join(parts)

    encode.__name__ = encode.__qualname__ = name
    encode.__doc__ = real.__doc__
    return encode


def _sliced_b32decode(name: str) -> Any:
    real = getattr(_b64, name)

    def decode(s: Any, *args: Any, **kwargs: Any) -> bytes:
        if not isinstance(s, (bytes, bytearray, str)) or len(s) < 8 * _SLICE_GROUPS or len(s) % 8:
            return real(s, *args, **kwargs)  # CPython's own result or error
        step = 8 * _SLICE_GROUPS
        parts = [real(s[i : i + step], *args, **kwargs) for i in ticked(current(), range(0, len(s), step))]
        return b''.join(parts)

    decode.__name__ = decode.__qualname__ = name
    decode.__doc__ = real.__doc__
    return decode


def _base64_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    exports = {n: getattr(_b64, n) for n in _B64_NAMES}
    exports.update(
        b32encode=_sliced_encoder('b32encode', 5, 8),
        b32hexencode=_sliced_encoder('b32hexencode', 5, 8),
        b85encode=_sliced_encoder('b85encode', 4, 5),
        a85encode=_sliced_encoder('a85encode', 4, 5),
        b32decode=_sliced_b32decode('b32decode'),
        b32hexdecode=_sliced_b32decode('b32hexdecode'),
    )
    return exports
