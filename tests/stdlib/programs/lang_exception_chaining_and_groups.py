class AppError(Exception):
    code = 'app'
    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail
    def __str__(self):
        base = super().__str__()
        return f'[{self.code}] {base}' + (f' ({self.detail})' if self.detail else '')

class NotFound(AppError):
    code = 'not_found'

class Invalid(AppError, ValueError):
    code = 'invalid'

def lookup(db, key):
    try:
        return db[key]
    except KeyError as e:
        raise NotFound(f'no record {key!r}', detail='db') from e

def parse_age(s):
    try:
        n = int(s)
    except ValueError:
        raise Invalid(f'bad age {s!r}') from None
    if n < 0:
        raise Invalid('negative age', detail=n)
    return n

db = {'a': 1}
log = []
for key in ['a', 'b']:
    try:
        v = lookup(db, key)
    except AppError as e:
        log.append(('err', str(e), type(e.__cause__).__name__, repr(e.__cause__)))
    else:
        log.append(('ok', v))
    finally:
        log.append(('done', key))
for row in log:
    print(row)

for s in ['42', 'x', '-3']:
    try:
        print('age', parse_age(s))
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, AppError), e.__cause__, e.__suppress_context__, e.args)

def risky(n):
    try:
        if n == 0:
            raise ZeroDivisionError('zero!')
        return 10 / n
    except ZeroDivisionError:
        return 'caught'
    finally:
        print('finally for', n)

print(risky(0), risky(4))

def finally_overrides():
    try:
        return 'try'
    finally:
        print('in finally')
print(finally_overrides())

def nested():
    try:
        try:
            {}['missing']
        except KeyError as e:
            raise RuntimeError('wrapped') 
    except RuntimeError as e:
        return f'{e} / context={e.__context__!r}'
print(nested())

errors = []
for fn, arg in [(int, 'z'), (len, 5), ([].pop, None), ({}.__getitem__, 'k'), (float, '1e'), (lambda x: x.y, 1), (lambda x: 1 / x, 0), (lambda x: [1][x], 3)]:
    try:
        fn(arg) if arg is not None else fn()
    except Exception as e:
        errors.append(f'{type(e).__name__}: {e}')
print('\n'.join(errors))
try:
    raise ExceptionGroup('batch failed', [ValueError('v1'), TypeError('t1'), ValueError('v2')])
except* ValueError as eg:
    print('values:', [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print('types:', [str(x) for x in eg.exceptions])
e = AppError('plain')
[str(e), repr(e), e.args, str(Invalid('x', detail=[1]))]
