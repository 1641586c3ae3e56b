square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
pairs = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(4))
funcs = [lambda x, i=i: x + i for i in range(3)]
print([fn(10) for fn in funcs])
late = [lambda x: x + i for i in range(3)]
print([fn(10) for fn in late])
ident = (lambda *a, **k: (a, k))
print(ident(1, 2, z=3))
print((lambda: 'no args')())
print(square.__name__)
cond = lambda n: 'even' if n % 2 == 0 else 'odd'
result = list(map(cond, range(5)))
print(result)
assert result[::2] == ['even'] * 3
kw_only = lambda *, sep='-': sep.join('ab')
print(kw_only(), kw_only(sep='+'))
result
