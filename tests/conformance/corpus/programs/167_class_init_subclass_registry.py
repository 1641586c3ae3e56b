class Plugin:
    registry = {}
    priority = 0

    def __init_subclass__(cls):
        Plugin.registry[cls.__name__.lower()] = cls

    def run(self, text):
        raise NotImplementedError

class Upper(Plugin):
    priority = 2

    def run(self, text):
        return text.upper()

class Reverse(Plugin):
    priority = 1

    def run(self, text):
        return text[::-1]

class Exclaim(Upper):
    priority = 3

    def run(self, text):
        return super().run(text) + '!'

print(sorted(Plugin.registry))
pipeline = sorted(Plugin.registry.values(), key=lambda c: c.priority)
text = 'hello'
for cls in pipeline:
    text = cls().run(text)
    print(cls.__name__, '->', text)
print(issubclass(Exclaim, Upper), Plugin.registry['exclaim'] is Exclaim)

def build(name, *args):
    cls = Plugin.registry.get(name)
    if cls is None:
        raise KeyError(f'no plugin {name!r}')
    return cls(*args)

print(build('reverse').run('abc'))
try:
    build('missing')
except KeyError as e:
    print('KeyError:', e)
text
