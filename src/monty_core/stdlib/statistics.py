"""`statistics` in the sandbox: CPython's functions, applied to data materialized under the meter (handed
over as lists that tick when iterated). Left out: `statistics.NormalDist` (its mutable internals would be
reachable from sandbox code).
"""

from __future__ import annotations

import statistics as _st
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, metered_list, reserve_per_item

allow(_st.LinearRegression, {'slope', 'intercept', 'count', 'index'})


_ONE_DATA = (
    'mean',
    'fmean',
    'geometric_mean',
    'harmonic_mean',
    'median',
    'median_low',
    'median_high',
    'median_grouped',
    'mode',
    'multimode',
    'pstdev',
    'pvariance',
    'stdev',
    'variance',
    'quantiles',
)
_TWO_DATA = ('correlation', 'covariance', 'linear_regression')


def _statistics_factory(ctx: RunContext) -> dict[str, Any]:
    def one(name: str) -> Any:
        real = getattr(_st, name)

        # CPython's statistics loop over the data in Python (host code, no sandbox tick): the data
        # are handed over as lists that tick when iterated.
        def call(data: Any, *args: Any, **kwargs: Any) -> Any:
            if name == 'quantiles':
                # CPython loops `n` times in Python (host code: no tick) for `n - 1` floats: the work is
                # weighed as memory, 256 bytes per cut point (the list's 32, and room that keeps the
                # loop within about a second for what the memory limit admits).
                reserve_per_item(ctx, kwargs.get('n', 4), 256, 'quantiles()')
            if name == 'fmean' and args and args[0] is not None:
                args = (metered_list(ctx, args[0]), *args[1:])
            if 'weights' in kwargs and kwargs['weights'] is not None:
                kwargs['weights'] = metered_list(ctx, kwargs['weights'])
            return real(metered_list(ctx, data), *args, **kwargs)

        call.__name__ = call.__qualname__ = name
        call.__doc__ = real.__doc__
        return call

    def two(name: str) -> Any:
        real = getattr(_st, name)

        def call(x: Any, y: Any, /, **kwargs: Any) -> Any:
            return real(metered_list(ctx, x), metered_list(ctx, y), **kwargs)

        call.__name__ = call.__qualname__ = name
        call.__doc__ = real.__doc__
        return call

    exports: dict[str, Any] = {name: one(name) for name in _ONE_DATA}
    exports.update({name: two(name) for name in _TWO_DATA})
    exports['StatisticsError'] = _st.StatisticsError
    return exports
