# ruff: noqa
import json
import re

print(json.dumps({'a': [1, 2.5, None, True], 'b': 'é'}, indent=2, sort_keys=True))
print(
    json.dumps([1, 2], separators=(',', ':')),
    json.dumps('é', ensure_ascii=False),
    json.dumps({'k': 1}, indent='\t'),
)
try:
    json.loads('{bad')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, e)


class Enc(json.JSONEncoder):
    def default(self, o):
        return sorted(o)


print(json.dumps({1: {3, 2}}, cls=Enc), json.dumps(object, default=str))
print(json.loads('{"a": [1, 2, {"b": null}]}'), json.loads('1.5', parse_float=str), json.loads(b'[1]'))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
m = re.match(r'(\w+) (?P<x>\w+)', 'hello world!')
print(m, m.group(1), m['x'], m.groupdict(), m.span(), m.start(2), m.groups(), re.compile('a+', re.I | re.M))
print(
    re.sub(r'(\d)', lambda m: str(int(m.group(1)) * 2), 'a1b2'),
    re.findall(r'\d+', '1 22 333'),
    re.findall(r'(a)(b)', 'abab'),
)
print([x.group() for x in re.finditer('a.', 'abacad')], re.split(r',\s*', 'a, b,c'), re.split(r'(,)', 'a,b'))
print(
    re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi there'),
    re.subn('a', 'b', 'aaa'),
    re.escape('a.b*c'),
    re.fullmatch(r'\d+', '123'),
)
print(
    re.search('x', 'abc'), bool(re.search('b', 'abc')), re.compile(r'\d').pattern, re.compile('(a)(b)').groups
)
p = re.compile(r'(?i)HELLO')
print(p.search('say hello').group(), p.flags & re.I != 0, re.match('a', 'A', re.IGNORECASE).group())
json.dumps([float('nan')], allow_nan=False)
