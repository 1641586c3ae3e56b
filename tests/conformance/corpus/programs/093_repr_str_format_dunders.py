class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'

class Both:
    def __repr__(self):
        return 'Both(repr)'

    def __str__(self):
        return 'both-str'

class Fmt:
    def __init__(self, v):
        self.v = v

    def __format__(self, spec):
        if spec == 'up':
            return str(self.v).upper()
        return format(self.v, spec)

    def __repr__(self):
        return f'Fmt({self.v!r})'

o, b = OnlyRepr(), Both()
print(o, str(o), repr(o), f'{o}', f'{o!r}')
print(b, str(b), repr(b), f'{b}', f'{b!r}', '%s %r' % (b, b))
print([o, b], (b,), {'k': b})
print(f'{Fmt("abc"):up} {Fmt(3.14159):.2f} {Fmt(42):>5}|', format(Fmt('x'), 'up'))
print('{:up} {!r}'.format(Fmt('q'), Fmt('q')))

class Node:
    def __init__(self, val, children=()):
        self.val, self.children = val, list(children)

    def __repr__(self):
        if not self.children:
            return f'Node({self.val!r})'
        return f'Node({self.val!r}, {self.children!r})'

tree = Node(1, [Node(2), Node('x', [Node(None)])])
print(tree)
str(b) + repr(o)
