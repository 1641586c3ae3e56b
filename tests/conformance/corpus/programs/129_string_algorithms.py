text = '''The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs!'''
words = [w.strip('.;!,').lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(top)

def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f'{j - i}{s[i]}')
        i = j
    return ''.join(out)

def unrle(s):
    out, num = [], ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ''
    return ''.join(out)

enc = rle('aaabccddddde')
print(enc, unrle(enc))

def caesar(s, k):
    res = []
    for ch in s:
        if ch.isalpha():
            base = ord('A') if ch.isupper() else ord('a')
            res.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            res.append(ch)
    return ''.join(res)

secret = caesar('Hello, World!', 3)
print(secret, caesar(secret, -3))
groups = {}
for w in ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog']:
    groups.setdefault(''.join(sorted(w)), []).append(w)
print([g for g in groups.values() if len(g) > 1])
print([w for w in ['level', 'hello', 'noon', 'a', 'ab'] if w == w[::-1]])
top
