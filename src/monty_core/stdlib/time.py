"""`time` in the sandbox: the clock only through the host's hooks.

`time.time()` and `time.localtime()` (no argument) ... call the host's `now` hook (`() -> float`, POSIX
seconds) and raise `RuntimeError` naming the hook when the host gave none, so replays stay deterministic.
`time.monotonic()`/`perf_counter()` read the `monotonic` hook or, without it, the run's virtual clock,
which starts at 0 and advances only by `time.sleep(s)` (which does not block the host). The local time
zone is UTC: `time.localtime` is `time.gmtime`. Left out: `time.tzset`, `time.get_clock_info`.
"""

from __future__ import annotations

import calendar as _calendar
import time as _time
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind, host_now

_STRUCT_FIELDS = {
    'tm_year',
    'tm_mon',
    'tm_mday',
    'tm_hour',
    'tm_min',
    'tm_sec',
    'tm_wday',
    'tm_yday',
    'tm_isdst',
    'tm_zone',
    'tm_gmtoff',
    'count',
    'index',
    'n_fields',
    'n_sequence_fields',
    'n_unnamed_fields',
}
allow(_time.struct_time, _STRUCT_FIELDS)


def _time_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    clock = [0.0]

    def time() -> float:
        return host_now('time.time()')

    def time_ns() -> int:
        return int(host_now('time.time_ns()') * 1e9)

    def monotonic() -> float:
        fn = ctx.hooks.get('monotonic')
        return float(fn()) if fn is not None else clock[0]

    def monotonic_ns() -> int:
        return int(monotonic() * 1e9)

    def sleep(secs: Any) -> None:
        secs = float(secs)
        if secs < 0:
            raise ValueError('sleep length must be non-negative')
        clock[0] += secs

    def gmtime(secs: Any = None) -> _time.struct_time:
        return _time.gmtime(host_now('time.gmtime()') if secs is None else secs)

    def mktime(t: Any) -> float:
        return float(_calendar.timegm(tuple(t)))

    def asctime(t: Any = None) -> str:
        return _time.asctime(gmtime() if t is None else t)

    def ctime(secs: Any = None) -> str:
        return _time.asctime(gmtime(secs))

    def strftime(fmt: Any, t: Any = None) -> str:
        if type(fmt) is not str:
            raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
        return _time.strftime(fmt, gmtime() if t is None else t)

    def strptime(string: Any, fmt: str = '%a %b %d %H:%M:%S %Y') -> _time.struct_time:
        return _time.strptime(string, fmt)

    return {
        'time': time,
        'time_ns': time_ns,
        'monotonic': monotonic,
        'monotonic_ns': monotonic_ns,
        'perf_counter': monotonic,
        'perf_counter_ns': monotonic_ns,
        'process_time': monotonic,
        'process_time_ns': monotonic_ns,
        'thread_time': monotonic,
        'thread_time_ns': monotonic_ns,
        'sleep': sleep,
        'gmtime': gmtime,
        'localtime': gmtime,
        'mktime': mktime,
        'asctime': asctime,
        'ctime': ctime,
        'strftime': strftime,
        'strptime': strptime,
        'struct_time': _time.struct_time,
        'timezone': 0,
        'altzone': 0,
        'daylight': 0,
        'tzname': ('UTC', 'UTC'),
    }
