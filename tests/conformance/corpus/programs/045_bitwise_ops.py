a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a))
print(-8 >> 1, -1 >> 10, 1 << 64, (1 << 64) >> 63)
print(0xff & -16, -5 & 0xff, -5 | 2, -5 ^ -3)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags)
flags ^= WRITE
print(flags, f'{flags:03b}')

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print([popcount(i) for i in range(9)])
print(bin(255).count('1'), (255).bit_length(), (1 << 100).bit_length())

def is_pow2(n):
    return n > 0 and n & (n - 1) == 0

print([n for n in range(40) if is_pow2(n)])
print(True & False, True | False, True ^ True, type(True ^ True).__name__)
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} ^ {3, 4}, {1, 2, 3} - {1})
x = 6
x <<= 3
x >>= 1
x |= 1
print(x)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
x
