def describe(seq):
    match seq:
        case []:
            return 'empty'
        case [x]:
            return f'one: {x}'
        case [x, y]:
            return f'two: {x}, {y}'
        case [first, *_, last] if first == last:
            return f'bookends {first}'
        case [first, *rest]:
            return f'first {first}, {len(rest)} more'

print(describe([]), '|', describe([1]), '|', describe((1, 2)), '|', describe([3, 0, 3]), '|', describe(range(5)))
print(describe('ab'))

def command(cmd):
    match cmd.split():
        case ['go', direction]:
            return ('move', direction)
        case ['go', *_]:
            return ('error', 'go where?')
        case ['pick', 'up', item] | ['take', item]:
            return ('take', item)
        case ['drop', *items] if items:
            return ('drop', items)
        case ['quit' | 'exit']:
            return ('quit',)
        case _:
            return ('unknown', cmd)

for c in ['go north', 'go', 'pick up lamp', 'take key', 'drop a b', 'drop', 'exit', 'dance now']:
    print(repr(c), command(c))

def nested(p):
    match p:
        case [(x1, y1), (x2, y2)]:
            return abs(x2 - x1) + abs(y2 - y1)
        case [[*inner]]:
            return inner
    return None

[nested([(0, 0), (3, 4)]), nested([[1, 2]]), nested([1, 2, 3])]
