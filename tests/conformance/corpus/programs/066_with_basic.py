log = []

class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append(f'enter {self.name}')
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        log.append(f'exit {self.name} {exc_type.__name__ if exc_type else None}')
        return False

with Managed('a') as value:
    log.append(f'body {value}')
with Managed('x') as x, Managed('y') as y:
    log.append(f'body {x}{y}')
with Managed('p'), Managed('q'):
    pass
try:
    with Managed('err'):
        raise ValueError('boom')
except ValueError as e:
    log.append(f'caught {e}')
print('\n'.join(log))
m = Managed('noas')
with m:
    pass
print(log[-1])

def early_return():
    with Managed('ret') as v:
        return v + '!'

print(early_return(), log[-1])
len(log)
