class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            print('evict', oldest)
        self.data[key] = value

    def __repr__(self):
        return f'LRU({list(self.data.items())})'

cache = LRU(3)
for k in 'abc':
    cache.put(k, k.upper())
print(cache)
print(cache.get('a'), cache.get('z'))
cache.put('d', 'D')
cache.put('b', 'B2')
cache.put('e', 'E')
print(cache, cache.hits, cache.misses)

def cached_call(fn, cache):
    missing = object()
    def wrapper(x):
        v = cache.get(x, missing)
        if v is missing:
            v = fn(x)
            cache.put(x, v)
        return v
    return wrapper

sq = cached_call(lambda x: x * x, LRU(2))
print([sq(x) for x in [1, 2, 1, 3, 2, 1]])
list(cache.data)
