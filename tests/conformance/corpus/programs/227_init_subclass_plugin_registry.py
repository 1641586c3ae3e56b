# Plugin registry built by __init_subclass__: the hook runs while the class statement is still
# executing, so it must be able to write and read attributes of the new class.
class Tool:
    registry = {}

    def __init_subclass__(cls, name=None, *, cost=1, **kwargs):
        cls.tool_name = name or cls.__name__.lower()
        cls._cost = cost
        cls.describe = lambda self: f'{self.tool_name} (cost {self._cost})'
        if cls.tool_name in Tool.registry:
            raise ValueError(f'duplicate tool {cls.tool_name!r}')
        Tool.registry[cls.tool_name] = cls
        print('registered', cls.tool_name, getattr(cls, '_cost'), hasattr(cls, 'run'))

    def run(self, arg):
        raise NotImplementedError


class Search(Tool, name='search', cost=3):
    def run(self, arg):
        return [f'result for {arg}']


class Fetch(Tool):
    def run(self, arg):
        return {'url': arg}


class CachedFetch(Fetch, name='cached_fetch', cost=0):
    pass


try:

    class Dup(Tool, name='search'):
        pass

except ValueError as e:
    print('error:', e)

print(sorted(Tool.registry))
print([Tool.registry[k]().describe() for k in sorted(Tool.registry)])
print(Tool.registry['cached_fetch']().run('http://x'), CachedFetch.tool_name, Fetch.tool_name)
try:
    Tool().run(1)
except NotImplementedError as e:
    print('abstract', repr(e))
{name: cls.__name__ for name, cls in Tool.registry.items()}
