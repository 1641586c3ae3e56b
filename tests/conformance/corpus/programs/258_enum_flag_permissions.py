from enum import Flag, auto

# Permission sets as flags: combine, test, iterate and render them (Python 3.11 semantics).
class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE
    ALL = READ | WRITE | EXEC


print(list(Perm))
print([m.name for m in Perm], len(Perm))
rw = Perm.READ | Perm.WRITE
print(rw, repr(rw), rw is Perm.RW, rw.name, rw.value)
print(Perm.READ in rw, Perm.EXEC in rw, Perm.RW in Perm.ALL, rw & Perm.WRITE, rw ^ Perm.READ)
print(~Perm.READ, repr(~Perm.ALL), bool(~Perm.ALL), Perm(0), repr(Perm(0)))
print(list(rw), list(Perm.ALL), list(Perm(0)), len(rw))
mixed = Perm.READ | Perm.EXEC
print(mixed, repr(mixed), mixed.name, Perm(5) is mixed, Perm(5) == mixed)
print(Perm['RW'], Perm(7), Perm(7) is Perm.ALL)
granted = Perm(0)
for p in (Perm.WRITE, Perm.EXEC):
    granted |= p
print(granted, type(granted).__name__, isinstance(granted, Perm))
try:
    Perm(8)
except ValueError as e:
    print('ValueError:', e)
[m.value for m in Perm]
