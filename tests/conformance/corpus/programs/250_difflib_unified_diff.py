import difflib

# Show what changed between two versions of a config file.
old = """host = db.local
port = 5432
user = admin
timeout = 30
retries = 3
""".splitlines(keepends=True)
new = """host = db.internal
port = 5432
user = admin
timeout = 45
retries = 3
pool = 10
""".splitlines(keepends=True)
print(''.join(difflib.unified_diff(old, new, fromfile='a/app.ini', tofile='b/app.ini')), end='')
print('---- context')
print(''.join(difflib.context_diff(old, new, fromfile='old', tofile='new', n=1)), end='')
print('---- ndiff')
print(''.join(difflib.ndiff(['one\n', 'two\n', 'three\n'], ['ore\n', 'two\n', 'emu\n'])), end='')
changed = [line[2:].strip() for line in difflib.ndiff(old, new) if line.startswith('+ ')]
print(changed)
print(list(difflib.restore(difflib.ndiff(['a\n'], ['b\n']), 2)))
d = difflib.Differ()
print(list(d.compare(['abc\n'], ['abd\n'])))
changed
