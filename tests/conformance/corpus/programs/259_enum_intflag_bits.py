from enum import IntFlag

# Unix-like mode bits with IntFlag: they are ints and flags at the same time.
class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


rw = Mode.R | Mode.W
print(rw, repr(rw), int(rw), rw == 6, rw + 1, isinstance(rw, int))
print(repr(Mode.R | 8), repr(Mode(9)), Mode.R | 8 == 12)
print(repr(~Mode.R), repr(Mode.R & 6), repr(Mode.X ^ 3))
print(Mode.W in rw, Mode.X in rw, [m.name for m in rw], list(Mode))
print(f'{rw}', format(rw, '03b'), '%d' % rw, str(Mode.X))
perms = [Mode(int(c)) for c in '750']
print([repr(p) for p in perms])
print(sorted([Mode.W, Mode.R, Mode.X]), max(Mode), Mode(0), repr(Mode(0)))
print(Mode.R < Mode.W or Mode.R > Mode.W, Mode.R.value, Mode['W'])
int(perms[0])
