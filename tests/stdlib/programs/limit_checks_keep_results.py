# The size and work checks must not change results: every rewritten or wrapped operation, on inputs
# long enough to take the checked path (texts of 16K+ characters, slices of 64K+, big integers).
import base64
import collections
import dataclasses
import decimal
import fractions
import hashlib
import html
import json
import math
import random
import statistics
import urllib.parse


def digest(value):
    if type(value) is int:
        value = hex(value)  # repr is limited to 4300 digits
    elif type(value) in (tuple, list):
        value = [hex(v) if type(v) is int else v for v in value]
    return hashlib.sha256(repr(value).encode()).hexdigest()[:12]


text = 'ab, cd\tef\ngh;' * 3000 + 'é\u2028ẞ'
data = bytes(range(256)) * 400

# str and bytes methods that expand, weighed first
print(digest(text.split()), digest(text.split(', ')), digest(text.rsplit(';', 5)), digest(text.splitlines(True)))
print(digest(text.encode('utf-16')), digest(text.encode('ascii', 'xmlcharrefreplace')), digest(data.decode('latin-1')))
print(digest(data.split(b'\x00')), len(list(text)), len(tuple(data)), len(set(text)), len(frozenset(data)))
print(digest(sorted(text)), digest([*text][:5]), max(text), min(data), sum(data))


def spread(*items):
    return len(items)


print(spread(*text), ''.join(text) == text)

# concatenation chains and f-strings in a function (hot code), doubling by a literal
def build(a, b, c, n):
    out = []
    for i in range(3):
        out.append(a + b + c)
        out.append(f'{a}-{b}-{c}-{i}')
        s = a * 2
        s *= 2
        out.append(s)
        out.append(n + n + n)
        out.append([n] + [i] + [c])
    return out


print(digest(build('x' * 20000, 'y', 'z', 7)))

# integers: products, division, gcd and conversions below the work limits
a = 3**20000
b = a * a
c = b * 7
q, r = divmod(c, a + 1)
print(digest((b, c // (a + 1), c % (a + 1), q, r, round(c, -900), -c // 12345678901234567890)))
print(digest((math.gcd(a, b + 1), math.lcm(12, 18), math.isqrt(b), math.comb(200, 100), pow(a, -1, 10**40 + 1))))
x = 1
for i in range(5):
    x = x * x + i
    y = x // (i + 2) if i else x
print(digest((x, y)))


class Size:
    calls = 0

    def __index__(self):
        Size.calls += 1
        return 1 if Size.calls == 1 else 10**9


print('x' * Size(), Size.calls)
f = fractions.Fraction(a, b + 1) + fractions.Fraction(1, 3)
print(digest((f.numerator, f.denominator, str(decimal.Decimal(a) + 1), decimal.Decimal(7) == 7)))

# text: translate tables, formatting
class Table(dict):
    pass


class Upper:
    def __getitem__(self, key):
        if key == 98:
            raise LookupError(key)
        return chr(key).upper() * 2


print(digest(('abc' * 6000).translate(Table({97: 'A', 99: None}))), digest(('abc' * 6000).translate(Upper())))
print(digest(('{0}{1}' * 3000).format('x' * 200, 7)), digest(('%(k)s|' * 3000) % {'k': 'v' * 400}))
print(digest(json.dumps({'s': '\x00"\\\n' * 5000 + 'é😀', 'n': [1, 2.5, None]})))

# stdlib functions that loop in Python: sliced and ticked, same results
print(digest((base64.b32encode(data), base64.b85encode(data), base64.a85encode(data), base64.b32decode(base64.b32encode(data)))))
query = 'k=v%20w&x&=y&z=1+2&' * 4000
long_text = text * 2
print(digest((urllib.parse.quote(long_text), urllib.parse.quote_plus(long_text), urllib.parse.unquote(urllib.parse.quote(long_text)))))
print(digest((urllib.parse.parse_qsl(query, keep_blank_values=True), urllib.parse.parse_qs(query))))
print(digest((html.escape(text + '<>&"\''), html.unescape('&lt;&amp;&#x41;&bogus; ' * 5000))))
print(digest(collections.Counter(text).most_common(5)))
values = [i % 97 + 0.5 for i in range(5000)]
print(digest((statistics.mean(values), statistics.stdev(values), statistics.median(values), statistics.quantiles(values))))
rng = random.Random(42)
deck = list(range(1000))
rng.shuffle(deck)
print(digest((deck, rng.sample(range(10**6), 20), rng.choices('abc', [1, 2, 3], k=20000), rng.randrange(10**9))))


@dataclasses.dataclass
class Point:
    x: int
    tags: list


shared = [1, 2, 3]
print(dataclasses.asdict(Point(1, [shared, shared])), dataclasses.astuple(Point(2, [])))
