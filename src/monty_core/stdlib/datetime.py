"""`datetime` in the sandbox: CPython's types, with the clock only through a hook.

The real clock is never read: `datetime.now()`, `datetime.utcnow()`, `date.today()` call the host's `now`
hook (`() -> float`, POSIX seconds) and raise `RuntimeError` naming the hook when the host gave none, so
replays stay deterministic.

The sandbox's local time zone is UTC: naive `fromtimestamp`, `timestamp()` and `astimezone()` treat
naive values as UTC. `date`/`datetime` are sealed subclasses of CPython's (same behaviour; `repr` is
CPython's, but unsupported-operand errors name them 'date' / 'datetime' where CPython says
'datetime.date'); `time`, `timedelta`, `timezone`, `tzinfo` are CPython's. Left out: subclassing `tzinfo`
in sandbox code.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..runtime.allowlists import WRAPPERS
from ..runtime.hashing import HASHERS, tuple_hash
from ..runtime.modules import RunContext
from ..runtime.sizecheck import check_strftime
from ._support import allow, allow_public, bind, host_now

_UTC = _dt.UTC
_CLOCK_METHODS = {'now', 'today', 'utcnow', 'fromtimestamp', 'timestamp', 'astimezone'}


class date(_dt.date):
    """date(year, month, day): a calendar date (CPython's; `today()` reads the host's clock hook)."""

    __slots__ = ()

    @classmethod
    def today(cls) -> Any:
        return cls.fromtimestamp(host_now('date.today()'))

    @classmethod
    def fromtimestamp(cls, t: Any) -> Any:
        d = _dt.datetime.fromtimestamp(t, _UTC)
        return cls(d.year, d.month, d.day)

    def __repr__(self) -> str:
        return 'datetime.' + _dt.date.__repr__(self)


class datetime(_dt.datetime, date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[, tzinfo]]]]]) (CPython's;
    `now()` reads the host's clock hook; the sandbox's local time zone is UTC)."""

    # The sandbox `date` is a base too, as in CPython: `isinstance(dt, date)` holds, and `date == datetime`
    # tries datetime's comparison first (the reflected subclass operand), which tells them apart.

    __slots__ = ()

    @classmethod
    def now(cls, tz: Any = None) -> Any:
        return cls.fromtimestamp(host_now('datetime.now()'), tz)

    @classmethod
    def today(cls) -> Any:
        return cls.fromtimestamp(host_now('datetime.today()'))

    @classmethod
    def utcnow(cls) -> Any:
        return cls.utcfromtimestamp(host_now('datetime.utcnow()'))

    @classmethod
    def fromtimestamp(cls, t: Any, tz: Any = None) -> Any:
        if tz is None:
            d = _dt.datetime.fromtimestamp(t, _UTC)
            return cls(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)
        return super().fromtimestamp(t, tz)

    @classmethod
    def strptime(cls, date_string: Any, format: Any) -> Any:
        # Called from host code so that CPython's lazy `import _strptime` uses the host's importer.
        return super().strptime(date_string, format)

    def timestamp(self) -> float:
        if self.tzinfo is None or self.utcoffset() is None:
            return _dt.datetime.timestamp(self.replace(tzinfo=_UTC))
        return _dt.datetime.timestamp(self)

    def astimezone(self, tz: Any = None) -> Any:
        if tz is None:
            tz = _UTC
        if self.tzinfo is None or self.utcoffset() is None:
            return _dt.datetime.astimezone(self.replace(tzinfo=_UTC), tz)
        return _dt.datetime.astimezone(self, tz)

    def date(self) -> _dt.date:
        return date(self.year, self.month, self.day)

    def __repr__(self) -> str:
        return 'datetime.' + _dt.datetime.__repr__(self)

    # Ordering a datetime against a plain date raises CPython's "can't compare datetime.datetime to
    # datetime.date" (from either side); the C check would name these subclasses by their bare
    # `__name__`. Other mismatches keep the interpreter's message, which says 'datetime'/'date'.
    def _order(self, other: Any, op: Any) -> Any:
        if isinstance(other, _dt.date) and not isinstance(other, _dt.datetime):
            raise TypeError(f"can't compare datetime.datetime to {_tp_name(other)}")
        return op(self, other)

    def __lt__(self, other: Any) -> Any:
        return self._order(other, _dt.datetime.__lt__)

    def __le__(self, other: Any) -> Any:
        return self._order(other, _dt.datetime.__le__)

    def __gt__(self, other: Any) -> Any:
        return self._order(other, _dt.datetime.__gt__)

    def __ge__(self, other: Any) -> Any:
        return self._order(other, _dt.datetime.__ge__)

    __hash__ = _dt.datetime.__hash__


def _tp_name(value: Any) -> str:
    # CPython's C types are named with their module ('datetime.date'), sandbox classes are not.
    t = type(value)
    return f'datetime.{t.__name__}' if t.__module__ == 'datetime' else t.__name__


for _cls, _base in ((date, _dt.date), (datetime, _dt.datetime)):
    _cls.__module__ = 'datetime'
    type.__setattr__(_cls, 'min', _cls.combine(_base.min, _dt.time()) if _cls is datetime else _cls(1, 1, 1))
    type.__setattr__(
        _cls, 'max', _cls(9999, 12, 31, 23, 59, 59, 999999) if _cls is datetime else _cls(9999, 12, 31)
    )
    allow_public(_cls)
    allow_public(_base, exclude=_CLOCK_METHODS)


# CPython hashes naive dates, datetimes and times by their bytes, with the per-process seed: the
# sandbox hashes the same fields as a tuple instead (aware ones hash their UTC offset, seedless).
def _date_hash(d: Any) -> int:
    return tuple_hash((d.year, d.month, d.day))


def _datetime_hash(d: Any) -> int:
    if d.utcoffset() is not None:
        return hash(d)
    return tuple_hash((d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond))


def _time_hash(t: Any) -> int:
    if t.utcoffset() is not None:
        return hash(t)
    return tuple_hash((t.hour, t.minute, t.second, t.microsecond))


HASHERS[_dt.date.__hash__] = _date_hash
HASHERS[_dt.datetime.__hash__] = _datetime_hash
HASHERS[_dt.time.__hash__] = _time_hash

for _cls in (_dt.time, _dt.timedelta, _dt.timezone, _dt.tzinfo):
    allow_public(_cls)


def _checked_strftime(obj: Any) -> Any:
    method = obj.strftime

    def strftime(format: Any) -> str:
        check_strftime(format)
        return method(format)

    return strftime


for _cls in (date, datetime, _dt.date, _dt.datetime, _dt.time):
    WRAPPERS[(_cls, 'strftime')] = _checked_strftime
allow(type(_dt.date(2000, 1, 1).isocalendar()), {'year', 'week', 'weekday', 'count', 'index'})


def _datetime_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    return {
        'date': date,
        'datetime': datetime,
        'time': _dt.time,
        'timedelta': _dt.timedelta,
        'timezone': _dt.timezone,
        'tzinfo': _dt.tzinfo,
        'UTC': _UTC,
        'MINYEAR': _dt.MINYEAR,
        'MAXYEAR': _dt.MAXYEAR,
    }
