def total(*nums, scale=1):
    print('nums:', nums, 'scale:', scale)
    return sum(nums) * scale

print(total())
print(total(1, 2, 3))
print(total(1, 2, scale=10))

def describe(**info):
    parts = []
    for key in sorted(info):
        parts.append(f'{key}={info[key]!r}')
    return ', '.join(parts)

print(describe(b=2, a='x', c=[1]))
print(repr(describe()))

def both(first, *rest, sep='-', **opts):
    out = sep.join(str(x) for x in (first,) + rest)
    if opts:
        out += ' ' + str(sorted(opts.items()))
    return out

print(both(1))
print(both(1, 2, 3, sep='+'))
print(both('a', 'b', upper=True, n=2))
args = (4, 5)
kw = {'sep': ':', 'z': 0}
res = both(3, *args, **kw)
print(res)
assert res == "3:4:5 [('z', 0)]"

def passthrough(*args, **kwargs):
    return both(*args, **kwargs)

print(passthrough(*'xyz', sep=''))
print(type(args).__name__, type(kw).__name__)
res
