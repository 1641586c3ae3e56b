items = [f'item{i:02d}' for i in range(23)]

def paginate(seq, page, per_page=5):
    if page < 1:
        raise ValueError('page must be >= 1')
    start = (page - 1) * per_page
    chunk = seq[start:start + per_page]
    pages = (len(seq) + per_page - 1) // per_page
    return {'page': page, 'pages': pages, 'items': chunk, 'has_next': page < pages, 'has_prev': page > 1}

for p in (1, 3, 5, 6):
    r = paginate(items, p)
    print(r['page'], r['pages'], r['items'][:2], len(r['items']), r['has_next'], r['has_prev'])
try:
    paginate(items, 0)
except ValueError as e:
    print('ValueError:', e)

def chunks(seq, n):
    return [seq[i:i + n] for i in range(0, len(seq), n)]

print(chunks(list(range(10)), 4), chunks('abcdefg', 3), chunks([], 2))

def sliding(seq, n):
    return [tuple(seq[i:i + n]) for i in range(len(seq) - n + 1)]

print(sliding([1, 2, 3, 4, 5], 3), sliding([1], 2))
averages = [round(sum(w) / len(w), 2) for w in sliding([3, 8, 1, 9, 4, 6], 3)]
print(averages)

def interleave(*seqs):
    out = []
    for i in range(max(map(len, seqs))):
        for s in seqs:
            if i < len(s):
                out.append(s[i])
    return out

print(interleave([1, 2, 3], 'ab', (True,)))
paginate(items, 5)['items']
