# SequenceMatcher reuse (set_seqs/set_seq2), Match tuples, close matches, diffs without line terminators.
import difflib
sm = difflib.SequenceMatcher(None, [1, 2, 3, 4], [1, 3, 4, 5])
print(sm.get_opcodes(), sm.ratio())
sm.set_seqs('abcd', 'bcde')
print(sm.find_longest_match(), sm.a, sm.b)
sm.set_seq2('xbc')
print(sm.get_matching_blocks(), list(sm.get_grouped_opcodes(0)))
print(difflib.get_close_matches('wheel', ['while', 'whale', 'wheat', 'heel'], n=3, cutoff=0.5))
try:
    difflib.get_close_matches('x', ['y'], n=0)
except ValueError as e:
    print('ValueError', e)
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
print(list(difflib.context_diff('ab', 'ac', lineterm='')))
d = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
print(''.join(d.compare(['private Thread currentThread;\n'], ['private volatile Thread currentThread;\n'])), end='')
m = sm.find_longest_match(0, 4, 0, 3)
print(m.a, m.b, m.size, tuple(m), type(m).__name__)
