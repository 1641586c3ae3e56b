class Config:
    base = 10
    try:
        derived = [base + i for i in range(3)]
    except NameError as e:
        derived = f'NameError: {e}'
    first = [b for b in [base]]

print(Config.derived, Config.first)
items = [1, 2, 2, 3, 4, 4, 5]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
items = [1, 2, 2, 3, 4, 4, 5]
items = [x for x in items if x % 2]
print(items)
total = 0

def broken():
    try:
        total += 1
    except UnboundLocalError as e:
        return f'UnboundLocalError: {e}'

print(broken())

def shadow_later():
    result = []
    for i in range(2):
        result.append(len)
    len = 5
    return result

try:
    shadow_later()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
funcs = {}
for name in ['a', 'b']:
    def show():
        return name
    funcs[name] = show
print(funcs['a'](), funcs['b']())
matrix = [[0] * 2] * 2
matrix[0][0] = 1
print(matrix)
def_arg_time = []

def add(item, into=def_arg_time):
    into.append(item)
    return into

add(1)
def_arg_time = ['new']
print(add(2), def_arg_time)
Config.derived
