handlers = {}

def on(event):
    def register(fn):
        handlers.setdefault(event, []).append(fn)
        return fn
    return register

log = []

@on('start')
def h1(payload):
    log.append(('h1', payload))

@on('start')
def h2(payload):
    log.append(('h2', payload * 2))

@on('stop')
def h3(payload):
    log.append(('h3', -payload))

def emit(event, payload):
    for fn in handlers.get(event, []):
        fn(payload)
    return len(handlers.get(event, []))

print(emit('start', 5))
print(emit('stop', 1))
print(emit('unknown', 0))
print(log)
print({k: [f.__name__ for f in v] for k, v in handlers.items()})
log
