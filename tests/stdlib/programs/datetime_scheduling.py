from datetime import date, datetime, time, timedelta, timezone
start = datetime(2024, 1, 31, 9, 30)
print(start + timedelta(days=30), start - timedelta(hours=10, minutes=45))
print((datetime(2024, 3, 10, 8) - start), (datetime(2024, 3, 10, 8) - start).total_seconds())
d = date(2024, 2, 29)
print(d.replace(year=2025, day=28), date.fromisoformat('2023-12-31') + timedelta(1))
print(d.strftime('%a %d %b %Y | %A %B %j %U %W %y %m/%d %%'))
dt = datetime(2024, 7, 4, 15, 5, 9, 123456)
print(dt.isoformat(), dt.isoformat(sep=' ', timespec='seconds'), dt.isoformat(timespec='milliseconds'))
print(dt.strftime('%Y-%m-%dT%H:%M:%S.%f %I:%M %p %H'), str(dt.date()), str(dt.time()), dt.time().isoformat('minutes'))
print(datetime.strptime('2024-05-01 13:45', '%Y-%m-%d %H:%M'), datetime.strptime('01/Mar/2024:10:00:00', '%d/%b/%Y:%H:%M:%S'))
print(datetime.fromisoformat('2024-05-01T10:20:30+02:00'), datetime.fromisoformat('2024-05-01T10:20:30+02:00').utcoffset())
aware = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
print(aware, aware.astimezone(timezone(timedelta(hours=-5))), aware.tzname(), timezone(timedelta(hours=5, minutes=30)))
print(aware.timestamp(), datetime.fromtimestamp(0, tz=timezone.utc), datetime.utcfromtimestamp(86400))
print(repr(timedelta(days=-1, seconds=5)), str(timedelta(days=-1, seconds=5)), timedelta(weeks=2, microseconds=1))
print(timedelta(hours=36) // timedelta(hours=5), timedelta(hours=36) % timedelta(hours=5), timedelta(minutes=90) / 2, abs(timedelta(-3)))
print(repr(dt), repr(d), repr(time(1, 2)), time(23, 59, 59).replace(hour=0))
print(min(date(2024, 1, 1), date(2023, 6, 1)), sorted([dt, start]), dt > start, date(2024, 1, 1) == datetime(2024, 1, 1))
def business_days(a, b):
    n = 0
    cur = a
    while cur < b:
        if cur.weekday() < 5:
            n += 1
        cur += timedelta(days=1)
    return n
print(business_days(date(2024, 5, 1), date(2024, 6, 1)))
def month_add(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    days = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return d.replace(year=year, month=month, day=min(d.day, days))
print([str(month_add(date(2024, 1, 31), k)) for k in range(0, 14, 3)])
events = [('deploy', '2024-05-01T10:00'), ('rollback', '2024-05-01T09:15'), ('alert', '2024-04-30T23:59')]
for name, ts in sorted(events, key=lambda e: datetime.fromisoformat(e[1])):
    print(f'{datetime.fromisoformat(ts):%b %d %H:%M} {name}')
try:
    date(2023, 2, 29)
except ValueError as e:
    print('ValueError:', e)
try:
    datetime.strptime('2024-05-01', '%d/%m/%Y')
except ValueError as e:
    print('ValueError:', e)
try:
    aware - datetime(2024, 5, 1)
except TypeError as e:
    print('TypeError:', e)
(dt - timedelta(microseconds=123456)).isoformat(), date.max.isoformat(), (date(2024, 12, 25) - date.today()).days > -10**6 if False else 0
