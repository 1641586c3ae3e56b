# re.sub with callbacks (None results dropped, wrong result types fail at the join after every
# callback ran) and the TypeError for a non-string subject, a common agent bug.
import re

print(repr(re.sub('a', lambda m: None, 'abca')))
print(re.subn(r'(\w+)', lambda m: m.group(1).title(), 'hello world'))
print(re.sub(b'a', lambda m: bytearray(b'x'), b'aba'))
for text in ['a1', '1', 'x1y2', '12']:
    try:
        re.sub(r'\d', lambda m: print('cb', m.group()) or (1 if m.group() == '2' or text != 'x1y2' else 'Z'), text)
    except TypeError as e:
        print(text, e)
try:
    re.sub(b'a', lambda m: 'x', b'a')
except TypeError as e:
    print(e)
for call in (
    lambda: re.search(r'\d', None),
    lambda: re.findall(r'\d', 5),
    lambda: re.sub(r'\d', 'x', None),
    lambda: re.compile('a').split([1]),
):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
log = None
re.match(r'(\w+)=(\d+)', log)
