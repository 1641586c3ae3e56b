# expect: ValueError
log = []

def risky(x):
    if x > 2:
        raise ValueError(f'too big: {x}')
    return x * 10

def process(items):
    out = []
    for x in items:
        try:
            out.append(risky(x))
        except ValueError:
            log.append(f'failed on {x}')
            print('log:', log)
            raise
    return out

print(process([1, 2]))
print(process([1, 5, 2]))
