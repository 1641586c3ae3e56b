# ruff: noqa
import time as t
from datetime import UTC, date, datetime, timedelta

d = datetime(2024, 3, 15, 12, 30)
print(
    d, repr(d), d + timedelta(days=20), d.date(), repr(d.date()), d.strftime('%Y-%m-%d %H:%M'), d.isoformat()
)
print(
    datetime.strptime('2024-01-02', '%Y-%m-%d'), date(2024, 1, 1).weekday(), date.fromisoformat('2024-02-29')
)
print((datetime(2024, 1, 2) - datetime(2024, 1, 1)).total_seconds(), d.replace(tzinfo=UTC).isoformat())
print(d.timestamp(), datetime.fromtimestamp(0), isinstance(d.date(), date), d.isocalendar().week, d.time())
print(t.gmtime(0).tm_year, t.strftime('%Y', t.gmtime(86400 * 365)))
from zoneinfo import ZoneInfo

z = datetime(2024, 7, 1, 12, tzinfo=ZoneInfo('Europe/Paris'))
print(z, z.utcoffset(), z.astimezone(UTC), repr(datetime.min), date.max)
