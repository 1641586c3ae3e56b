b = b'Hello, World'
print(b.upper(), b.lower(), b.split(b', '), b.replace(b'l', b'L'), b.find(b'o'), b.count(b'l'))
print(b.startswith(b'He'), b.endswith(b'x'), b.strip(b'Hd'), b[0], b[-1], b[:5], list(b[:3]))
print(b'a,b,,c'.split(b','), b' x y '.split(), b'-'.join([b'a', b'b']), b'abc'.hex())
print(bytes([104, 105]), bytes(range(65, 70)), b'ab' * 3, b'ab' + b'cd', b'b' in b'abc', 98 in b'abc')
print(b'abc'.decode(), b'  pad '.strip(), b'hello'.title(), b'x'.center(5, b'-'), b'12'.zfill(4))
print(b'abc'.isalpha(), b'123'.isdigit(), b'Ab'.islower(), b'a b'.partition(b' '), b'abc'.index(b'c'))
print(bytes(b'copy') == b'copy', b'abc' < b'abd', b'' == bytes(), bytes(2), repr(bytes([0, 10, 92, 39, 200])))
ba = bytearray(b'hello')
ba[0] = 74
ba.append(33)
ba.extend(b'??')
ba += b'!'
print(ba, len(ba), ba.pop(), ba)
ba.insert(0, 62)
ba.remove(ord('?'))
print(ba, bytes(ba), ba.decode(), ba.upper(), ba.find(b'l'))
ba.reverse()
print(ba, ba[1:3], ba.count(b'l'))
del ba[0:2]
print(ba, bytearray(3), bytearray('é', 'utf-8'), bytearray([1, 2]) + b'\x03')
try:
    ba[0] = 256
except ValueError as e:
    print('ValueError:', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
list(b'AZ')
