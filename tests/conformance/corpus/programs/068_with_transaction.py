class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f'rolled back due to {exc_type.__name__}: {exc}')
        else:
            print('committed', sorted(self.store.items()))
        return False

db = {'balance': 100}
with Transaction(db) as t:
    t['balance'] -= 30
    t['last'] = 'withdraw'
print(db)
try:
    with Transaction(db) as t:
        t['balance'] -= 500
        if t['balance'] < 0:
            raise ValueError('insufficient funds')
except ValueError:
    pass
print(db)

class Indent:
    level = 0

    def __enter__(self):
        Indent.level += 1
        return self

    def __exit__(self, *exc):
        Indent.level -= 1

    def say(self, msg):
        print('  ' * Indent.level + msg)

with Indent() as a:
    a.say('one')
    with Indent() as b:
        b.say('two')
        with Indent() as c:
            c.say('three')
    a.say('back')
print(Indent.level)
db
