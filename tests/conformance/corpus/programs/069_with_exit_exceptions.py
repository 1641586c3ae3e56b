log = []

class CM:
    def __init__(self, name, fail_enter=False, fail_exit=False, swallow=False):
        self.name, self.fail_enter, self.fail_exit, self.swallow = name, fail_enter, fail_exit, swallow

    def __enter__(self):
        log.append('enter ' + self.name)
        if self.fail_enter:
            raise RuntimeError('enter failed: ' + self.name)
        return self

    def __exit__(self, et, ev, tb):
        log.append(f'exit {self.name} {et.__name__ if et else "-"}')
        if self.fail_exit:
            raise KeyError('exit ' + self.name)
        return self.swallow

try:
    with CM('a'), CM('b', fail_enter=True), CM('c'):
        log.append('body')
except RuntimeError as e:
    log.append(f'caught {e}')
print(log)
log.clear()
try:
    with CM('outer', swallow=True), CM('inner', fail_exit=True):
        raise ValueError('v')
    log.append('after with')
except Exception as e:
    log.append('should not happen')
print(log)
log.clear()
try:
    with CM('x', fail_exit=True):
        raise ValueError('original')
except KeyError as e:
    log.append(f'KeyError {e}')
print(log)
log
