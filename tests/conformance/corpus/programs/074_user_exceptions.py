class AppError(Exception):
    def __init__(self, message, code=500):
        super().__init__(message)
        self.code = code

    def __str__(self):
        return f'[{self.code}] {self.args[0]}'

class NotFound(AppError):
    def __init__(self, resource):
        super().__init__(f'{resource} not found', code=404)
        self.resource = resource

class Forbidden(AppError):
    pass

def handle(kind):
    if kind == 'nf':
        raise NotFound('user/7')
    if kind == 'fb':
        raise Forbidden('no access', 403)
    if kind == 'app':
        raise AppError('generic')
    return 'ok'

for kind in ['nf', 'fb', 'app', 'none']:
    try:
        print(handle(kind))
    except NotFound as e:
        print('NotFound', e.code, e.resource, str(e), e.args)
    except AppError as e:
        print(type(e).__name__, e.code, e)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), isinstance(NotFound('x'), AppError))
print(issubclass(AppError, (ValueError, Exception)))

class Plain(Exception):
    pass

p = Plain('a', 'b')
print(str(p), repr(p), p.args)
print(repr(str(Plain())), repr(Plain()), repr(Plain('only')))
try:
    raise Forbidden('x', 401)
except Exception as e:
    result = [type(e).__name__, e.code, str(e)]
result
