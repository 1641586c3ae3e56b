"""`zoneinfo` in the sandbox, when the host has time zone data: `ZoneInfo`, `ZoneInfoNotFoundError`,
`available_timezones`. Left out: `ZoneInfo.from_file`/`clear_cache`/`no_cache`.
"""

from __future__ import annotations

from typing import Any

from ..runtime.modules import RunContext
from ._support import allow


def _zoneinfo_factory(ctx: RunContext) -> dict[str, Any]:
    import zoneinfo as _zi

    def available_timezones() -> set[str]:
        return set(_ZONES) if _ZONES else set(_ZONES.update(_zi.available_timezones()) or _ZONES)

    return {
        'ZoneInfo': _zi.ZoneInfo,
        'ZoneInfoNotFoundError': _zi.ZoneInfoNotFoundError,
        'available_timezones': available_timezones,
    }


_ZONES: set[str] = set()


def _offer_zoneinfo() -> bool:
    """Whether this host has time zone data (without it `zoneinfo` stays absent); if so, register the
    types sandbox code may hold."""
    try:
        import zoneinfo as _zi

        _zi.ZoneInfo('UTC')
    except Exception:  # no time zone data on this host: zoneinfo stays absent
        return False
    allow(_zi.ZoneInfo, {'key', 'utcoffset', 'dst', 'tzname', 'fromutc'})
    allow(_zi.ZoneInfoNotFoundError, {'args', 'add_note'})
    return True


AVAILABLE = _offer_zoneinfo()
