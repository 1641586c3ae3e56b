import difflib

# Suggest the closest known command for a typo, and score similarity of two strings.
commands = ['status', 'commit', 'checkout', 'cherry-pick', 'stash', 'branch', 'rebase']
for typo in ['stauts', 'comit', 'chekout', 'brnch', 'xyz']:
    print(typo, '->', difflib.get_close_matches(typo, commands, n=2, cutoff=0.6))
sm = difflib.SequenceMatcher(None, 'kitten sitting', 'sitting kitten')
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), round(sm.real_quick_ratio(), 4))
print(sm.find_longest_match(0, 14, 0, 14))
print(sm.get_matching_blocks())
a, b = 'the quick brown fox', 'the quack brown box'
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b).get_opcodes():
    print(f'{tag:7} {a[i1:i2]!r:10} {b[j1:j2]!r}')
junk = difflib.SequenceMatcher(lambda c: c == ' ', 'a b c', 'abc')
print(round(junk.ratio(), 3))
difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy'])
