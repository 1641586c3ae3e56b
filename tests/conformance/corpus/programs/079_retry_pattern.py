attempts = []

def flaky(n, fail_times):
    attempts.append(n)
    if len(attempts) <= fail_times:
        raise ConnectionError(f'attempt {len(attempts)} failed')
    return f'success after {len(attempts)}'

def retry(fn, *args, tries=3):
    last = None
    for i in range(tries):
        try:
            return fn(*args)
        except ConnectionError as e:
            last = e
            print('retrying:', e)
    raise RuntimeError(f'gave up after {tries} tries: {last}')

print(retry(flaky, 'job', 2))
attempts.clear()
try:
    retry(flaky, 'job', 5, tries=2)
except RuntimeError as e:
    print('final:', e)
print(len(attempts))

def with_default(fn, default):
    try:
        return fn()
    except Exception as e:
        return f'{default} ({type(e).__name__})'

print(with_default(lambda: 1 / 0, 'n/a'))
print(with_default(lambda: [1, 2][1], 'n/a'))
print(with_default(lambda: {}.pop('x'), 'none'))
print(isinstance(ConnectionError('x'), OSError))
len(attempts)
