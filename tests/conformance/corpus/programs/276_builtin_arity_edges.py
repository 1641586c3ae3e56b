# Builtins called with too many or too few arguments: CPython's messages, then correct calls.
calls = [lambda: id(), lambda: id(1, 2), lambda: vars(1, 2), lambda: hash(1, 2),
         lambda: getattr(1, 'a', 2, 3), lambda: setattr(1, 2), lambda: format(1, '', 3), lambda: divmod(1, 2, 3),
         lambda: ascii(1, 2), lambda: iter(1, 2, 3), lambda: pow(), lambda: round(1, 2, 3), lambda: enumerate(1, 2, 3)]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
print(getattr(1, 'real'), hasattr(1, 'x'), format(5, '03'), divmod(7, -2), pow(2, 3, 5), round(1.26, 1), list(enumerate('ab', 1)))
