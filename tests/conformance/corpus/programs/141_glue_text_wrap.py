text = ('Monty is a sandboxed Python interpreter that runs code written by models. '
        'It supports a large subset of the language and the standard library pieces that matter.')

def wrap(s, width):
    lines, cur = [], ''
    for word in s.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f'{cur} {word}' if cur else word
    if cur:
        lines.append(cur)
    return lines

def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    q, r = divmod(spaces, gaps)
    return ''.join(w + ' ' * (q + (i < r)) for i, w in enumerate(words[:-1])) + words[-1]

for w in (30, 45):
    lines = wrap(text, w)
    print(f'--- width {w}: {len(lines)} lines')
    for ln in lines[:-1]:
        print('|' + justify(ln, w) + '|')
    print('|' + lines[-1].ljust(w) + '|')

def truncate(s, n, suffix='...'):
    return s if len(s) <= n else s[:n - len(suffix)].rstrip() + suffix

print([truncate(t, 12) for t in ['short', 'exactly twelve', 'a much longer sentence']])
wrap(text, 20)
