# expect: error
import struct

# Round-trip a record table through bytes and check the sizes; the last unpack has too few bytes.
FMT = '<I8sf'
rows = [(1, b'alpha', 0.5), (2, b'beta', 1.25), (3, b'gamma-long', -2.0)]
blob = b''.join(struct.pack(FMT, *r) for r in rows)
print(len(blob), struct.calcsize(FMT) * len(rows))
back = [struct.unpack_from(FMT, blob, i * struct.calcsize(FMT)) for i in range(len(rows))]
for rid, name, val in back:
    print(rid, name.rstrip(b'\x00').decode(), val)
print(struct.pack('>?xH', True, 7), struct.unpack('>?xH', b'\x01\x00\x00\x07'))
print(struct.pack('<e', 0.5), struct.pack('3p', b'abcdef'), struct.pack('c', b'z'))
struct.unpack(FMT, blob[:10])
