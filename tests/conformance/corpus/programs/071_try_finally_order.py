trace = []
def f(mode):
    trace.clear()
    try:
        trace.append('try')
        if mode == 'raise':
            raise ValueError('x')
        if mode == 'return':
            return 'from try'
        trace.append('try end')
    except ValueError:
        trace.append('except')
        return 'from except'
    else:
        trace.append('else')
        return 'from else'
    finally:
        trace.append('finally')
for mode in ['ok', 'raise', 'return']:
    r = f(mode)
    print(mode, r, trace)
def override():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(override())
def swallow():
    try:
        raise KeyError('lost')
    finally:
        return 'swallowed'
print(swallow())
def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f'f{i}')
    return out
print(loop_finally())
def finally_mutates():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(finally_mutates())
[override(), swallow()]
