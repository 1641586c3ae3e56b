class Color:
    RED = 'red'
    GREEN = 'green'
    BLUE = 'blue'
class Status:
    OK = 200
    NOT_FOUND = 404
def paint(c):
    match c:
        case Color.RED:
            return 'stop'
        case Color.GREEN:
            return 'go'
        case Color.BLUE | 'cyan':
            return 'cool'
        case _:
            return 'unknown'
print([paint(c) for c in ['red', 'green', 'blue', 'cyan', 'pink']])
def respond(resp):
    match resp:
        case {'status': Status.OK, 'body': body}:
            return f'ok: {body}'
        case {'status': Status.NOT_FOUND}:
            return 'missing'
        case {'status': code} if 500 <= code < 600:
            return f'server error {code}'
        case {'status': code}:
            return f'other {code}'
print([respond(r) for r in [{'status': 200, 'body': 'hi'}, {'status': 404}, {'status': 503}, {'status': 302}]])
LIMITS = {'max': 10}
def check(n):
    match n:
        case 0:
            return 'zero'
        case x if x > LIMITS['max']:
            return 'too big'
        case x:
            return f'fine {x}'
print(check(0), check(11), check(5))
def tokens(items):
    out = []
    for item in items:
        match item:
            case ('op', '+' | '-' as op):
                out.append('ADD' if op == '+' else 'SUB')
            case ('num', int(v)):
                out.append(v)
            case ('num', v):
                out.append(int(v))
            case ('end',):
                break
    return out
tokens([('num', 1), ('op', '+'), ('num', '2'), ('op', '-'), ('end',), ('num', 9)])
