none_value = None
five = 5
text = 'abc'
tests = [
    lambda: len(42),
    lambda: 1 + 'a',
    lambda: 'a' * 'b',
    lambda: [1, 2] * 1.5,
    lambda: none_value(),
    lambda: five[0],
    lambda: {}[[1]],
    lambda: sorted([1, 'a']),
    lambda: text[1.0],
    lambda: iter(5),
    lambda: -'x',
    lambda: abs('x'),
    lambda: 'x' < 1,
    lambda: sum([1, 'a']),
    lambda: (1, 2).append(3),
    lambda: text.nope,
    lambda: five.real.imag.nope,
    lambda: [1, 2, 3][5],
    lambda: 'abc'[10],
    lambda: {'a': 1}['b'],
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__, e)
len(tests)
