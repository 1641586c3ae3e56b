"""`hashlib` in the sandbox: CPython's constructors, `new` and `pbkdf2_hmac`.

Left out: `hashlib.scrypt`/`file_digest`. Bounds: `pbkdf2_hmac` iterations (at most 1,000,000; a long one
runs in Python under the meter), `shake_*` digest lengths are size-checked.
"""

from __future__ import annotations

import hashlib as _hl
import hmac as _hmac
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, current, reserve, ticked

MAX_PBKDF2_ITERATIONS = 1_000_000


HASH_NAMES = (
    'md5',
    'sha1',
    'sha224',
    'sha256',
    'sha384',
    'sha512',
    'sha3_224',
    'sha3_256',
    'sha3_384',
    'sha3_512',
    'blake2b',
    'blake2s',
    'shake_128',
    'shake_256',
)
HASH_ATTRS = {'update', 'digest', 'hexdigest', 'copy', 'name', 'digest_size', 'block_size'}
for _name in HASH_NAMES:
    allow(type(getattr(_hl, _name)()), HASH_ATTRS)


def _hashlib_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {n: getattr(_hl, n) for n in HASH_NAMES if not n.startswith('shake')}

    def new(name: Any, data: Any = b'', **kwargs: Any) -> Any:
        if type(name) is not str or name.lower() not in _hl.algorithms_available:
            raise ValueError(f'unsupported hash type {name}')
        if name.lower().startswith('shake'):
            return shake(name.lower())(data, **kwargs)
        return _hl.new(name, data, **kwargs)

    def shake(name: str) -> Any:
        real = getattr(_hl, name)

        def make(data: Any = b'', **kwargs: Any) -> Any:
            return _ShakeHash(real(data, **kwargs))

        make.__name__ = make.__qualname__ = name
        return make

    def pbkdf2_hmac(hash_name: str, password: Any, salt: Any, iterations: int, dklen: Any = None) -> bytes:
        if isinstance(iterations, int) and iterations > MAX_PBKDF2_ITERATIONS:
            raise ValueError(f'pbkdf2_hmac iterations are limited to {MAX_PBKDF2_ITERATIONS} in the sandbox')
        if isinstance(dklen, int):
            reserve(ctx, dklen, 'pbkdf2_hmac key')
        # One C call of iterations x blocks HMACs (blocks: dklen / digest size), ~1 us each.
        work = _pbkdf2_work(hash_name, iterations, dklen)
        if work <= PBKDF2_NATIVE_WORK:
            return _hl.pbkdf2_hmac(hash_name, password, salt, iterations, dklen)
        _hl.pbkdf2_hmac(hash_name, password, salt, 1, None)  # CPython's errors for the other arguments
        return _ticked_pbkdf2(ctx, hash_name, bytes(password), bytes(salt), iterations, dklen)

    exports.update(
        new=new,
        shake_128=shake('shake_128'),
        shake_256=shake('shake_256'),
        pbkdf2_hmac=pbkdf2_hmac,
        algorithms_guaranteed=set(_hl.algorithms_guaranteed),
        algorithms_available=set(_hl.algorithms_available),
    )
    return exports


# Above this many HMACs (~0.1 s), PBKDF2 runs in Python, one HMAC per meter tick (about twice as slow,
# but a run's time limit stops it).
PBKDF2_NATIVE_WORK = 100_000


def _pbkdf2_work(hash_name: Any, iterations: Any, dklen: Any) -> int:
    if not isinstance(iterations, int) or not isinstance(hash_name, str) or iterations < 1:
        return 0  # CPython's own error
    try:
        size = _hl.new(hash_name).digest_size
    except (ValueError, TypeError):
        return 0
    blocks = -(-dklen // size) if isinstance(dklen, int) and dklen > 0 else 1
    return iterations * blocks


def _ticked_pbkdf2(
    ctx: Any, hash_name: str, password: bytes, salt: bytes, iterations: int, dklen: Any
) -> bytes:
    """RFC 8018's PBKDF2 with HMAC, as `hashlib.pbkdf2_hmac` computes it, ticking per HMAC."""
    keyed = _hmac.new(password, digestmod=hash_name)
    size = keyed.digest_size
    length = dklen if isinstance(dklen, int) else size
    blocks: list[bytes] = []
    for index in range(1, -(-length // size) + 1):
        mac = keyed.copy()
        mac.update(salt + index.to_bytes(4, 'big'))
        u = mac.digest()
        acc = int.from_bytes(u, 'big')
        for _ in ticked(ctx, range(iterations - 1)):
            mac = keyed.copy()
            mac.update(u)
            u = mac.digest()
            acc ^= int.from_bytes(u, 'big')
        blocks.append(acc.to_bytes(size, 'big'))
    return b''.join(blocks)[:length]


class _ShakeHash:
    """A `shake_128`/`shake_256` object whose digest length is size-checked."""

    __slots__ = ('_h',)

    def __init__(self, h: Any) -> None:
        object.__setattr__(self, '_h', h)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"'{self._h.name}' object attribute '{name}' is read-only")

    def update(self, data: Any) -> None:
        self._h.update(data)

    def digest(self, length: int) -> bytes:
        if isinstance(length, int):
            reserve(current(), length, 'digest')
        return self._h.digest(length)

    def hexdigest(self, length: int) -> str:
        if isinstance(length, int):
            reserve(current(), length * 2, 'digest')
        return self._h.hexdigest(length)

    def copy(self) -> _ShakeHash:
        return _ShakeHash(self._h.copy())

    @property
    def name(self) -> str:
        return self._h.name

    @property
    def digest_size(self) -> int:
        return self._h.digest_size

    @property
    def block_size(self) -> int:
        return self._h.block_size


allow(_ShakeHash, HASH_ATTRS)
