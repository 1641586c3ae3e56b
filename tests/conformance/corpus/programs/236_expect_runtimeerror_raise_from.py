# expect: RuntimeError
# Retrying with chained exceptions (raise ... from the last failure); the final failure escapes.
attempts = []


def fetch(n):
    attempts.append(n)
    raise ConnectionError(f'attempt {n}: connection reset')


def with_retries(times):
    last = None
    for n in range(1, times + 1):
        try:
            return fetch(n)
        except ConnectionError as e:
            last = e
    raise RuntimeError(f'failed after {times} attempts') from last


try:
    with_retries(2)
except RuntimeError as e:
    print(e, attempts)
with_retries(3)
