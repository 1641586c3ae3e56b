# expect: RuntimeError
def load(store, key):
    try:
        return store[key]
    except KeyError:
        print('lookup failed for', key)
        raise RuntimeError(f'failed to load {key!r}')

store = {'a': 1}
print(load(store, 'a'))
print(load(store, 'b'))
