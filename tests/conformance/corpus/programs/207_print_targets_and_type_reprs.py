import sys
import typing

print(type(1), type('a'), type(None), type([]), type(len))
print(int, str, dict, bool, Exception, KeyError)
print(repr(type(3.5)), str(list), [int, float])
print('to stdout via None', file=None)
err = sys.stderr
print('to stderr via variable', file=err)
streams = {'out': sys.stdout, 'err': sys.stderr}
for name, stream in streams.items():
    print('routed', name, file=stream)
opts = {'sep': '-', 'end': '!\n'}
print('a', 'b', **opts)
print(*range(3), **{'sep': ''})

def log(*parts, level='INFO', **kw):
    print(f'[{level}]', *parts, **kw)

log('started', 3)
log('problem', level='WARN', file=sys.stderr)
log('x', 'y', sep=',')
Opt = typing.Optional[int]

def f(x: typing.Any) -> typing.List[str]:
    return [str(x)]

print(f(5), typing.cast(str, 1))
print(isinstance(sys.stdout, object), sys.stdout is streams['out'])
'ok'
