DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def day_of_year(y, m, d):
    return sum(DAYS[:m - 1]) + d + (1 if m > 2 and is_leap(y) else 0)

def days_from_epoch(y, m, d):
    days = sum(366 if is_leap(yr) else 365 for yr in range(1970, y))
    return days + day_of_year(y, m, d) - 1

def weekday(y, m, d):
    names = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']
    return names[days_from_epoch(y, m, d) % 7]

def parse(s):
    y, m, d = map(int, s.split('-'))
    if not 1 <= m <= 12:
        raise ValueError(f'bad month in {s}')
    return y, m, d

for s in ['1970-01-01', '2000-02-29', '2024-03-01', '2023-12-25', '1999-12-31']:
    y, m, d = parse(s)
    print(s, day_of_year(y, m, d), days_from_epoch(y, m, d), weekday(y, m, d))
a, b = parse('2024-01-15'), parse('2024-03-01')
print('gap', days_from_epoch(*b) - days_from_epoch(*a))

def add_days(y, m, d, n):
    while n > 0:
        dim = DAYS[m - 1] + (1 if m == 2 and is_leap(y) else 0)
        if d + n <= dim:
            return y, m, d + n
        n -= dim - d + 1
        y, m, d = (y + 1, 1, 1) if m == 12 else (y, m + 1, 1)
    return y, m, d

print(add_days(2024, 2, 20, 10), add_days(2023, 12, 30, 3), add_days(2024, 1, 1, 366))
try:
    parse('2024-13-01')
except ValueError as e:
    print(e)
'%04d-%02d-%02d' % add_days(2000, 1, 1, 59)
