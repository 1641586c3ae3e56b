def add(a, b):
    return a + b

def sub(a, b):
    return a - b

def mul(a, b):
    return a * b

ops = {'+': add, '-': sub, '*': mul}
exprs = [('+', 2, 3), ('*', 4, 5), ('-', 10, 7)]
for op, x, y in exprs:
    fn = ops[op]
    print(fn.__name__, x, op, y, '=', fn(x, y))

def apply_all(fns, value):
    return [f(value) for f in fns]

print(apply_all([abs, str, lambda v: v * 2, float], -3))

def make_pipeline(*steps):
    def run(x):
        for s in steps:
            x = s(x)
        return x
    return run

pipe = make_pipeline(str.strip, str.lower, lambda s: s.replace(' ', '_'))
print(pipe('  Hello World  '))
print(callable(pipe), callable(3), pipe.__name__)
results = sorted(ops, key=lambda k: ops[k](6, 3))
print(results)
handlers = [len, str.upper, list]
print([h('abc') for h in handlers])
results
