def handle(event):
    match event:
        case {'type': 'click', 'pos': (x, y)}:
            return f'click at {x},{y}'
        case {'type': 'key', 'key': str(k), **rest} if not rest:
            return f'key {k}'
        case {'type': 'key', 'key': k, **rest}:
            return f'key {k} with {sorted(rest)}'
        case {'type': t}:
            return f'unhandled {t}'
        case {}:
            return 'no type'
        case _:
            return 'not a mapping'

events = [
    {'type': 'click', 'pos': (3, 4)},
    {'type': 'click', 'pos': [5, 6], 'extra': 1},
    {'type': 'key', 'key': 'a'},
    {'type': 'key', 'key': 'b', 'shift': True, 'alt': False},
    {'type': 'key', 'key': 7},
    {'type': 'scroll'},
    {'other': 1},
    ['type', 'click'],
]
for e in events:
    print(handle(e))
config = {'db': {'host': 'localhost', 'port': 5432}, 'debug': True}
match config:
    case {'db': {'host': str(host), 'port': int(port)}, **others}:
        print(host, port, others)
host
