n = 255
print(bin(n), oct(n), hex(n), hex(-n), bin(0), oct(-8))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0b101', 0), int('777', 8), int('z', 36))
print(int('  42  '), int('-17'), int('1_000'), int(3.99), int(-0.5), int(True))
print(f'{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:08b}')
print(format(n, 'x'), format(n, '#010x'), format(-n, 'b'))

def to_base(num, base):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if num == 0:
        return '0'
    sign = '-' if num < 0 else ''
    num = abs(num)
    out = []
    while num:
        num, r = divmod(num, base)
        out.append(digits[r])
    return sign + ''.join(reversed(out))

checks = [(255, 2), (255, 16), (-100, 7), (0, 3), (123456789, 36)]
for num, base in checks:
    s = to_base(num, base)
    assert int(s, base) == num, (num, base)
    print(num, base, s)
try:
    int('12', 2)
except ValueError as e:
    print('ValueError:', e)
try:
    int('')
except ValueError as e:
    print('ValueError:', e)
[int('101', 2), int('Ab', 16)]
