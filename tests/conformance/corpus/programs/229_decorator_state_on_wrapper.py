# Decorators that keep state on the wrapper function itself: `wrapper.calls += 1` inside the wrapper
# and `getattr`/`hasattr` on function attributes.
def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        wrapper._last_args = args
        return fn(*args, **kwargs)

    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


def cached(fn):
    def wrapper(key):
        if key in wrapper._cache:
            wrapper.hits += 1
            return wrapper._cache[key]
        wrapper._cache[key] = value = fn(key)
        return value

    wrapper._cache = {}
    wrapper.hits = 0
    return wrapper


@count_calls
def add(a, b=0):
    return a + b


@cached
def lookup(key):
    print('computing', key)
    return key.upper()


print(add(1, 2), add(3), add.calls, add._last_args, add.__name__)
print([lookup(k) for k in ['a', 'b', 'a', 'a']], lookup.hits, sorted(lookup._cache))
print(getattr(add, 'calls'), hasattr(add, '_last_args'), hasattr(add, 'missing'), getattr(lookup, 'nope', 'default'))
del add._last_args
try:
    add._last_args
except AttributeError as e:
    print('deleted:', e)
print('x', 'y', sep='', end='!\n')
try:
    print('oops', sept=', ')
except TypeError as e:
    print('print:', e)
(add.calls, lookup.hits)
