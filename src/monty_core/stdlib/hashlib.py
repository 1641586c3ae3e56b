"""`base64`, `binascii`, `hashlib`, `hmac`, `uuid`, `random` and `secrets` in the sandbox.

CPython's implementations. Determinism: `random.Random(seed)` and `random.seed(x)` followed by the
module-level functions are deterministic; module-level functions without a seed, `Random()` without
a seed, `uuid4()` and `secrets` draw from the host's `random_bytes` hook and raise `RuntimeError`
without it. Left out: `uuid1`/`getnode` (host clock and MAC address), `random.SystemRandom`,
`hashlib.scrypt`/`file_digest`, `UUID.is_safe`. Bounds: `hashlib.pbkdf2_hmac` iterations (at most
1,000,000), `shake_*` digest lengths, `choices(k=...)`, `randbytes`, `getrandbits` are size-checked.
"""

from __future__ import annotations

import base64 as _b64
import binascii as _ba
import hashlib as _hl
import hmac as _hmac
import random as _random
import uuid as _uuid
from itertools import accumulate as _accumulate
from typing import Any

from ..runtime.guards import replace_class
from ..runtime.limits import CURRENT as _CURRENT
from ..runtime.modules import RunContext, register_module
from ._support import (
    InitOnly,
    allow,
    bind,
    check_int_bits,
    current,
    metered,
    random_bytes,
    ready,
    reserve,
    ticked,
)

MAX_PBKDF2_ITERATIONS = 1_000_000

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

_HASHES = (
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
_HASH_ATTRS = {'update', 'digest', 'hexdigest', 'copy', 'name', 'digest_size', 'block_size'}
for _name in _HASHES:
    allow(type(getattr(_hl, _name)()), _HASH_ATTRS)
allow(_hmac.HMAC, _HASH_ATTRS)


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


def _binascii_factory(ctx: RunContext) -> dict[str, Any]:
    return {n: getattr(_ba, n) for n in _BA_NAMES}


def _hashlib_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {n: getattr(_hl, n) for n in _HASHES if not n.startswith('shake')}

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


allow(_ShakeHash, _HASH_ATTRS)


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


_CONSTRUCTORS = {getattr(_hl, n): n for n in _HASHES}


def _digest_name(digestmod: Any) -> Any:
    if isinstance(digestmod, str) or digestmod is None:
        return digestmod
    try:
        return _CONSTRUCTORS[digestmod]
    except (KeyError, TypeError):
        raise TypeError('digestmod must be a hash name or a hashlib constructor in the sandbox') from None


# -- uuid -----------------------------------------------------------------------------------------
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


# -- random ---------------------------------------------------------------------------------------
_UNSEEDED = object()


class Random(InitOnly, _random.Random):
    """Random(x): a deterministic random number generator seeded with `x` (CPython's Mersenne Twister).
    Without a seed it is seeded from the host's `random_bytes` hook."""

    _settable = frozenset({'gauss_next'})

    def __init__(self, x: Any = _UNSEEDED) -> None:
        super().__init__(0)
        self.seed(x)
        ready(self)

    def seed(self, a: Any = _UNSEEDED, version: int = 2) -> None:
        if a is _UNSEEDED or a is None:
            a = int.from_bytes(random_bytes(current(), 32, 'random without a seed'), 'big')
        super().seed(a, version)

    def getrandbits(self, k: int) -> int:
        if isinstance(k, int):
            check_int_bits(k, 'getrandbits()')
        return super().getrandbits(k)

    def randbytes(self, n: int) -> bytes:
        if isinstance(n, int):
            reserve(current(), n, 'randbytes()')
        return super().randbytes(n)

    def choices(
        self, population: Any, weights: Any = None, *, cum_weights: Any = None, k: int = 1
    ) -> list[Any]:
        if not isinstance(k, int) or k <= _CHOICES_SLICE:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        ctx = current()
        reserve(ctx, k * 8, 'choices()')
        if weights is not None and cum_weights is None:
            # As CPython: the cumulative weights once (its errors), then the same draws in slices.
            cum_weights = list(_accumulate(metered(ctx, weights)))
            super().choices(population, cum_weights=cum_weights, k=0)
            weights = None
        out: list[Any] = []
        for start in ticked(ctx, range(0, k, _CHOICES_SLICE)):
            out += super().choices(
                population, weights, cum_weights=cum_weights, k=min(_CHOICES_SLICE, k - start)
            )
        return out

    # `shuffle` and `sample` loop over their draws in host code, where no sandbox tick runs (`shuffle`
    # of 5M items: seconds): for their duration, each draw ticks. (A single draw needs no tick: the
    # sandbox code calling `randrange` in a loop ticks itself.)
    def shuffle(self, x: Any) -> None:
        with _TickingDraws(self):
            super().shuffle(x)

    def sample(self, population: Any, k: Any, *, counts: Any = None) -> list[Any]:
        with _TickingDraws(self):
            return super().sample(population, k, counts=counts)


Random.__module__ = 'random'
replace_class(_random.Random, Random)


class _TickingDraws:
    """Shadows a `Random`'s `_randbelow` (which CPython's loops look up once) with one that ticks the
    running sandbox's meter."""

    __slots__ = ('_rng',)

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def __enter__(self) -> None:
        ticker = _CURRENT.ticker
        draw = _random.Random._randbelow.__get__(self._rng)  # type: ignore[attr-defined]
        if ticker is None:
            return

        def ticking(n: int) -> int:
            next(ticker)
            return draw(n)

        self._rng.__dict__['_randbelow'] = ticking

    def __exit__(self, *exc: Any) -> None:
        self._rng.__dict__.pop('_randbelow', None)


_CHOICES_SLICE = 1 << 14
_RANDOM_FUNCTIONS = (
    'random',
    'uniform',
    'triangular',
    'randint',
    'choice',
    'randrange',
    'sample',
    'shuffle',
    'choices',
    'normalvariate',
    'lognormvariate',
    'expovariate',
    'vonmisesvariate',
    'gammavariate',
    'gauss',
    'betavariate',
    'paretovariate',
    'weibullvariate',
    'getstate',
    'setstate',
    'getrandbits',
    'randbytes',
)
allow(Random, {'seed', *_RANDOM_FUNCTIONS})


def _random_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    state: list[Random] = []

    def instance() -> Random:
        if not state:
            state.append(
                Random(int.from_bytes(random_bytes(ctx, 32, 'random.random() without random.seed()')))
            )
        return state[0]

    def seed(a: Any = None, version: int = 2) -> None:
        if not state:
            if a is None:
                instance()
                return
            state.append(Random(a))
        state[0].seed(_UNSEEDED if a is None else a, version)

    def forward(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(instance(), name)(*args, **kwargs)

        call.__name__ = call.__qualname__ = name
        return call

    exports: dict[str, Any] = {name: forward(name) for name in _RANDOM_FUNCTIONS}
    exports.update(seed=seed, Random=Random)
    return exports


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


register_module('base64', _base64_factory)
register_module('binascii', _binascii_factory)
register_module('hashlib', _hashlib_factory)
register_module('hmac', _hmac_factory)
register_module('uuid', _uuid_factory)
register_module('random', _random_factory)
register_module('secrets', _secrets_factory)
