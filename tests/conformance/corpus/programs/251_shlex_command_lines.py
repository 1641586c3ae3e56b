import shlex

# Parse command lines a user pasted, and build safe ones to hand to a host tool.
for line in ['git commit -m "fix: handle  spaces"', "grep -r 'a b' src/", 'echo a\\ b "c\'d" # comment', 'x=1 y="2 3"']:
    print(shlex.split(line))
print(shlex.split('echo hi # not a comment', comments=False), shlex.split('echo hi # a comment', comments=True))
args = ['ls', '-la', 'my file.txt', "it's", '$HOME', '']
cmd = shlex.join(args)
print(cmd)
assert shlex.split(cmd) == args
print([shlex.quote(s) for s in ['simple', 'with space', "o'neil", '', 'a;b']])
print(shlex.split('a = "b c"; d', posix=False), shlex.split("it's", posix=False))
try:
    shlex.split('echo "unterminated')
except ValueError as e:
    print('ValueError:', e)
shlex.split('--name="Ada Lovelace" --age=36')
