tests = [
    lambda: int([1]),
    lambda: 'abc'.upper(1),
    lambda: 'a'.join([1, 2]),
    lambda: ','.join('ab', 'cd'),
    lambda: {}.get(),
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: 'x'.split(1),
    lambda: len(),
    lambda: len([], []),
    lambda: 'abc'.startswith(1),
    lambda: isinstance(1, 'int'),
    lambda: list(1),
    lambda: dict(1),
    lambda: range('3'),
    lambda: sorted([3, 1], 1),
    lambda: {}.pop('missing'),
    lambda: [3].index(4),
    lambda: 'x'.replace('a'),
    lambda: float([]),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__, e)
len(tests)
