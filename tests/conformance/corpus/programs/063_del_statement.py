x = 10
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
l = [0, 1, 2, 3, 4, 5]
del l[0]
del l[-1]
print(l)
del l[1:3]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)

class Obj:
    def __init__(self):
        self.a = 1
        self.b = 2

o = Obj()
del o.a
print(hasattr(o, 'a'), hasattr(o, 'b'))
try:
    del o.a
except AttributeError as e:
    print('AttributeError:', e)
p, q = 1, 2
del p, q
nested = {'k': [1, {'z': 0}]}
del nested['k'][1]['z']
print(nested)

def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f'UnboundLocalError: {e}'

print(f())
try:
    del l[10]
except IndexError as e:
    print('IndexError:', e)
l
