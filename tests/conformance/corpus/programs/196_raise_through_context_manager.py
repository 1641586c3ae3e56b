# expect: LookupError
class Tracker:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return False

with Tracker('outer'):
    with Tracker('inner'):
        print('working')
    with Tracker('failing'):
        raise LookupError('resource vanished')
print('unreachable')
