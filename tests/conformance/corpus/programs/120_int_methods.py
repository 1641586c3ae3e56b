n = 1000
print(n.bit_length(), (0).bit_length(), (-255).bit_length(), (2 ** 64).bit_length())
print(n.to_bytes(2, 'big'), n.to_bytes(4, 'little'), (255).to_bytes(1, 'big'), (-2).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x03\xe8', 'big'), int.from_bytes(b'\xe8\x03', 'little'), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print(int.from_bytes(bytes([1, 0, 0]), byteorder='big'), int.from_bytes(b'', 'big'))
print((10).bit_count(), (-7).bit_count(), (42).as_integer_ratio(), (7).conjugate(), (5).real, (5).imag)
print((5).numerator, (5).denominator, (-3).bit_length(), (True).bit_length())
try:
    (1000).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
big = 12345678901234567890
print(big.to_bytes(8, 'big').hex(), int.from_bytes(big.to_bytes(8, 'little'), 'little') == big)
print(int('1' * 30) % 97, 10 ** 30 // 7, -(10 ** 25) // 3, (2 ** 200) % (10 ** 9 + 7))
print(abs(-10 ** 20), divmod(10 ** 20 + 3, 10 ** 10), round(123456789, -3), round(-15, -1))
[n.bit_length(), int.from_bytes(b'\x01\x00', 'big')]
