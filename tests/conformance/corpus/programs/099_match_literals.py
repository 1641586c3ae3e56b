def http_status(code):
    match code:
        case 200:
            return 'OK'
        case 301 | 302:
            return 'Redirect'
        case 404:
            return 'Not Found'
        case 418:
            return "I'm a teapot"
        case _:
            return 'Unknown'

print([http_status(c) for c in [200, 302, 404, 418, 500]])

def kind(x):
    match x:
        case None:
            return 'none'
        case True:
            return 'true'
        case False:
            return 'false'
        case 0:
            return 'zero'
        case 'hello' | 'hi':
            return 'greeting'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case b'raw':
            return 'bytes'
        case other:
            return f'other: {other!r}'

print([kind(v) for v in [None, True, False, 0, 0.0, 1, 'hi', -1, 1.5, b'raw', 'x']])
match 'unmatched':
    case 'a':
        print('a')
print('no case matched, no error')
kind(1)
