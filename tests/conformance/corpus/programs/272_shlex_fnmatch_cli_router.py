import fnmatch
import shlex

# A tiny command router: parse a command line and dispatch on glob patterns of the command name.
routes = [('git-*', 'vcs'), ('ls', 'fs'), ('l?', 'fs-short'), ('*', 'default')]


def route(line):
    argv = shlex.split(line)
    if not argv:
        return ('empty', [])
    for pattern, handler in routes:
        if fnmatch.fnmatchcase(argv[0], pattern):
            return (handler, argv[1:])


for line in ['git-log --oneline -n 3', 'ls -la "My Docs"', 'lx', 'python -c "print(1)"', '   ']:
    print(repr(line), '->', route(line))
quoted = ' '.join(shlex.quote(a) for a in ['echo', 'a&b', '*.txt'])
print(quoted, shlex.split(quoted))
matched = [name for name in ['a.txt', 'b.TXT', 'c.md'] if fnmatch.fnmatch(name.lower(), '*.txt')]
print(matched)
route('git-status')
