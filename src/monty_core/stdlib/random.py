"""`random` in the sandbox: CPython's Mersenne Twister.

Determinism: `random.Random(seed)`, and `random.seed(x)` followed by the module-level functions, are
deterministic; the module-level functions without a seed and `Random()` without a seed draw from the
host's `random_bytes` hook and raise `RuntimeError` without it. Left out: `random.SystemRandom`. Bounds:
`choices(k=...)`, `randbytes`, `getrandbits` are size-checked; `shuffle` and `sample` tick per draw.
"""

from __future__ import annotations

import random as _random
from itertools import accumulate as _accumulate
from typing import Any

from ..runtime.classes import replace_class
from ..runtime.memory import CURRENT as _CURRENT
from ..runtime.modules import RunContext
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
