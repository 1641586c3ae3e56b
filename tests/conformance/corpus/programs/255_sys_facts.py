import sys

# What a portable script checks before choosing code paths.
print(sys.version_info >= (3, 8), sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor))
print(type(sys.version_info.micro).__name__, sys.version_info.releaselevel in ('alpha', 'beta', 'candidate', 'final'))
print(sys.maxsize == 2**63 - 1, sys.maxsize + 1 > sys.maxsize, -sys.maxsize - 1)
print(sys.byteorder in ('little', 'big'), isinstance(sys.platform, str))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info.max * 10, sys.float_info.min > 0, 1.0 + sys.float_info.epsilon > 1.0)
print(sys.int_info.bits_per_digit in (15, 30), sys.maxunicode)
limit = sys.getrecursionlimit()
print(isinstance(limit, int), limit > 50)
print(isinstance(sys.argv, list), hasattr(sys, 'stdout'), sys.hexversion >> 24)
print('big' if sys.byteorder == 'big' else 'little-endian host' if sys.byteorder == 'little' else '?', file=sys.stdout)
sys.version_info.major
