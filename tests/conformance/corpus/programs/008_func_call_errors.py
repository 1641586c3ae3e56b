defaults = {'color': 'red', 'size': 3}

def render(color, size, label='item'):
    return f'{label}:{color}/{size}'

print(render(**defaults))
print(render(**{**defaults, 'size': 9}))
print(render(**defaults, label='box'))
try:
    render('red')
except TypeError as e:
    print('TypeError:', e)
try:
    render(1, 2, 3, 4)
except TypeError as e:
    print('TypeError:', e)
try:
    render(color=1, size=2, shape=3)
except TypeError as e:
    print('TypeError:', e)
try:
    render('red', color='blue', size=1)
except TypeError as e:
    print('TypeError:', e)
try:
    render()
except TypeError as e:
    print('TypeError:', e)

def no_args():
    return 'none'

try:
    no_args(1)
except TypeError as e:
    print('TypeError:', e)

def opts(**kw):
    return kw

merged = opts(**{'a': 1}, **{'b': 2}, c=3)
print(merged)
merged
