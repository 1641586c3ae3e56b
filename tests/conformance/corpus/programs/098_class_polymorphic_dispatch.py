class Handler:
    handled = ()

    def can_handle(self, value):
        return isinstance(value, self.handled)

    def handle(self, value):
        raise NotImplementedError

class IntHandler(Handler):
    handled = (int,)

    def handle(self, value):
        return value * 2

class StrHandler(Handler):
    handled = (str, bytes)

    def handle(self, value):
        return value[::-1]

class SeqHandler(Handler):
    handled = (list, tuple)

    def handle(self, value):
        return [dispatch(v) for v in value]

handlers = [IntHandler(), StrHandler(), SeqHandler()]

def dispatch(value):
    for h in handlers:
        if h.can_handle(value):
            return h.handle(value)
    return f'unhandled {type(value).__name__}'

inputs = [3, 'abc', b'xy', [1, 'q', (2,)], 2.5, True, None]
for v in inputs:
    print(repr(v), '->', dispatch(v))
print(isinstance(True, (str, int)), isinstance(None, (type(None),)), isinstance(2.5, (int, list)))
print(issubclass(IntHandler, Handler), issubclass(bool, (str, int)), issubclass(type(None), object))
try:
    Handler().handle(1)
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
dispatch([1, [2, ['x']]])
