class Counter(dict):
    def __missing__(self, key):
        return 0

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: -kv[1])
        return items if n is None else items[:n]

    def update_from(self, iterable):
        for x in iterable:
            self[x] += 1
        return self

c = Counter()
c.update_from('abracadabra')
print(c, c['z'], 'z' in c, len(c))
print(c.most_common(2), c.most_common()[-1])

class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory

    def __missing__(self, key):
        val = self[key] = self.factory()
        return val

groups = DefaultDict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups[word[0]].append(word)
print(dict(groups), isinstance(groups, dict), len(groups))

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

cfg = AttrDict(host='localhost', port=8080)
print(cfg.host, cfg.port, cfg['host'], getattr(cfg, 'missing', 'dflt'))

class UpperList(list):
    def append(self, x):
        super().append(x.upper())

ul = UpperList(['a'])
ul.append('b')
ul.extend(['c'])
print(ul, len(ul), type(ul).__name__)
c.most_common(3)
