import struct

# Decode and build small binary headers (a tool returned raw bytes).
header = struct.pack('<4sHHI', b'MNTY', 1, 2, 1024)
print(header, len(header), struct.calcsize('<4sHHI'))
magic, major, minor, size = struct.unpack('<4sHHI', header)
print(magic, major, minor, size)
print(struct.pack('>i', -2), struct.pack('<q', 2**40), struct.pack('!H', 513))
print(struct.unpack('>f', struct.pack('>f', 1.5)), struct.unpack('<d', b'\x00' * 7 + b'\x40'))
print(struct.calcsize('i'), struct.calcsize('@ib'), struct.calcsize('=ib'), struct.calcsize('3s2x?'))
records = struct.pack('<' + 'hh' * 3, 1, -1, 2, -2, 3, -3)
print(list(struct.iter_unpack('<hh', records)))
print(struct.unpack_from('<H', b'\x00\x01\x02', offset=1))
s = struct.Struct('<BH')
print(s.size, s.format, s.pack(7, 300), s.unpack(b'\x07,\x01'))
buf = bytearray(6)
struct.pack_into('<HI', buf, 0, 1, 2)
print(buf)
for bad in [lambda: struct.pack('<B', 256), lambda: struct.unpack('<I', b'\x00'), lambda: struct.pack('<z', 1)]:
    try:
        bad()
    except struct.error as e:
        print('struct.error:', e)
size
