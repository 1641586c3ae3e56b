import difflib

# Compare two versions of a list of records and classify changes, as a data-sync tool might.
before = ['alice,eng,120', 'bob,eng,95', 'carol,sales,70', 'dave,sales,82', 'erin,ops,60']
after = ['alice,eng,125', 'bob,eng,95', 'dave,sales,82', 'frank,ops,58', 'erin,ops,60']
sm = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
summary = {'equal': 0, 'replace': 0, 'delete': 0, 'insert': 0}
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    summary[tag] += max(i2 - i1, j2 - j1)
    if tag != 'equal':
        print(tag, before[i1:i2], '->', after[j1:j2])
print(summary, round(sm.ratio(), 3))
for name in ['alise', 'davey', 'zed']:
    close = difflib.get_close_matches(name, [r.split(',')[0] for r in before], n=1, cutoff=0.5)
    print(name, close)
groups = list(difflib.SequenceMatcher(None, 'abcdefghij', 'abXdefYhij').get_grouped_opcodes(1))
print(len(groups), groups[0][0])
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_LINE_JUNK('  #  \n'), difflib.IS_LINE_JUNK('x\n'))
summary
