s = 'héllo wörld €'
b = s.encode('utf-8')
print(b, len(s), len(b))
print(b.decode('utf-8') == s, b.decode())
print(s.encode('ascii', errors='replace'), s.encode('ascii', errors='ignore'), s.encode('ascii', 'xmlcharrefreplace'))
print(s.encode('latin-1', errors='replace'))
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(b'\xff'.decode('utf-8', errors='replace'), b'a\xffb'.decode('ascii', 'ignore'), b'\xe9'.decode('latin-1'))
print('abc'.encode(), 'ü'.encode('utf-16-le'), list('ü'.encode()))
print(bytes.fromhex('48 65 6c6c6f'), b'Hello'.hex(), b'Hi'.hex(':'), bytes.fromhex('ff').hex())
print(len('€'), len('€'.encode()), '€'.encode().decode())
[list(b[:3]), b[1]]
