# Edge cases of struct.Struct, heapq, bisect, keyword (per-run copies) and fnmatch on bytes.
import struct, heapq, bisect, keyword, fnmatch
s = struct.Struct('>HH')
print(list(s.iter_unpack(b'\x00\x01\x00\x02\x00\x03\x00\x04')), struct.calcsize('>HH'))
print(s.unpack_from(b'xx\x00\x01\x00\x02', 2), s.format, s.size)
try:
    struct.Struct(5)
except TypeError as e:
    print('TypeError', e)
h = [5, 1, 3]
heapq.heapify(h)
print(h, heapq.nsmallest(2, h), heapq.nlargest(2, [(1, 'a'), (3, 'b'), (2, 'c')]))
try:
    heapq.heappush([1, 'a'], 2)
except TypeError as e:
    print('TypeError', e)
print(bisect.bisect_left('acegi', 'd'), bisect.bisect([1, 2, 2, 3], 2))
print(keyword.iskeyword(5), keyword.kwlist is keyword.kwlist)
print(keyword.iskeyword('zzz'), len(keyword.softkwlist) >= 3)
print(fnmatch.fnmatch(b'a.py', b'*.py'), fnmatch.filter(['A.TXT', 'b.txt'], '*.txt'))
try:
    fnmatch.fnmatch(5, '*')
except TypeError as e:
    print('TypeError', e)
