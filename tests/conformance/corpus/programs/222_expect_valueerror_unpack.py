# expect: ValueError
line = 'key=value=extra'
pairs = [p.split('=') for p in ['a=1', 'b=2', line]]
out = {}
for k, v in pairs:
    out[k] = v
    print(k, v)
