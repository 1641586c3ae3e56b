from dataclasses import dataclass

@dataclass
class Call:
    tool: str
    args: dict

@dataclass
class Reply:
    text: str

def handle(msg):
    match msg:
        case {'type': 'call', 'tool': str(tool), 'args': {**args}} if tool.startswith('get_'):
            return f'getter {tool} with {sorted(args)}'
        case {'type': 'call', 'tool': tool}:
            return f'call {tool}'
        case {'type': 'batch', 'items': [first, *rest]}:
            return f'batch of {1 + len(rest)}, first={handle(first)}'
        case {'type': 'batch', 'items': []}:
            return 'empty batch'
        case Call(tool='search', args={'q': q}):
            return f'search for {q!r}'
        case Call(tool=t, args=a) if not a:
            return f'bare call {t}'
        case Reply(text=str() as t) if len(t) > 10:
            return 'long reply: ' + t[:10] + '...'
        case Reply(text):
            return 'reply: ' + text
        case [int(x), int(y)] | (int(x), int(y), _):
            return f'point {x},{y}'
        case str() as s if s.isdigit():
            return f'number string {int(s) * 2}'
        case 0 | 1 | 2 as small:
            return f'small {small}'
        case float(f) | int(f):
            return f'num {f!r}'
        case None:
            return 'nothing'
        case _:
            return f'unknown {type(msg).__name__}'

msgs = [
    {'type': 'call', 'tool': 'get_weather', 'args': {'city': 'Paris', 'units': 'c'}},
    {'type': 'call', 'tool': 'send', 'args': []},
    {'type': 'batch', 'items': [{'type': 'call', 'tool': 'x'}, 1, 2]},
    {'type': 'batch', 'items': []},
    Call('search', {'q': 'monty', 'limit': 3}),
    Call('ping', {}),
    Call('pong', {'a': 1}),
    Reply('hello'),
    Reply('a much longer reply'),
    [3, 4], (5, 6, 7), [1, 2, 3],
    '42', 'abc', 1, 7, 2.5, True, None, {'type': 'other'},
]
for m in msgs:
    print(handle(m))

def classify(point):
    match point:
        case (0, 0):
            return 'origin'
        case (0, y):
            return f'y-axis {y}'
        case (x, 0):
            return f'x-axis {x}'
        case (x, y) if x == y:
            return 'diagonal'
        case _:
            return 'plane'
print([classify(p) for p in [(0, 0), (0, 3), (2, 0), (4, 4), (1, 2)]])
handle({'type': 'call', 'tool': 'get_x', 'args': {}})
