# ruff: noqa
import html
import pprint
import string
import textwrap
import unicodedata
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlparse

print(
    string.ascii_letters[:5],
    string.capwords('hello world'),
    string.Template('$a and ${b}').substitute(a=1, b='x'),
)
print(textwrap.fill('The quick brown fox jumps over the lazy dog ' * 3, width=30))
print(
    textwrap.dedent('    a\n    b'),
    textwrap.indent('a\nb', '> '),
    textwrap.shorten('Hello   world  foo bar', 12),
)
print(
    unicodedata.name('é'),
    unicodedata.normalize('NFD', 'é').encode(),
    html.escape('<a href="x">'),
    html.unescape('&lt;&amp;'),
)
u = urlparse('https://user@example.com:8080/p/a?q=1&r=2#frag')
print(
    u,
    u.hostname,
    u.port,
    u.geturl(),
    urlencode({'a': 1, 'b': 'x y'}),
    quote('a b/c'),
    parse_qs('a=1&a=2'),
    urljoin('http://a/b/c', '../d'),
)
pprint.pprint({'b': [1, 2, {'c': 'x' * 30}], 'a': list(range(30))}, width=40)
print(pprint.pformat([1, 2]), textwrap.wrap('abc def ghi', 4))
w = textwrap.TextWrapper(width=10, initial_indent='* ')
w.width = 8
print(w.wrap('one two three four'))
