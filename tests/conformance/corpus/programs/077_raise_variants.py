def check(n):
    if not isinstance(n, int):
        raise TypeError(f'expected int, got {type(n).__name__}')
    if n < 0:
        raise ValueError('negative', n)
    return n

for v in [3, -1, 'x', 2.0]:
    try:
        print(check(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e.args, str(e))
err = KeyError('stored')
try:
    raise err
except KeyError as caught:
    print(caught is err, caught)

def make_error(kind):
    return {'v': ValueError, 't': TypeError}[kind]('made ' + kind)

try:
    raise make_error('t')
except TypeError as e:
    print('factory:', e)
try:
    raise Exception
except Exception as e:
    print(repr(e), str(e) == '')
try:
    raise 42
except TypeError as e:
    print('TypeError:', e)

def gen_errors():
    for cls in (IndexError, KeyError, AttributeError):
        try:
            raise cls('msg')
        except Exception as e:
            yield type(e).__name__, str(e)

list(gen_errors())
