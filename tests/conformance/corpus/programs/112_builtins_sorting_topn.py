scores = {'ann': 91, 'bob': 78, 'cy': 91, 'dee': 65, 'eve': 88, 'fay': 78}
top3 = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top3)
print(max(scores, key=scores.get), min(scores, key=scores.get))
by_score = {}
for name, s in scores.items():
    by_score.setdefault(s, []).append(name)
print(sorted(by_score.items(), reverse=True))
ranked = []
prev, rank = None, 0
for i, (name, s) in enumerate(sorted(scores.items(), key=lambda kv: -kv[1]), 1):
    if s != prev:
        rank, prev = i, s
    ranked.append((rank, name, s))
print(ranked)
people = [('Smith', 'Ann', 30), ('smith', 'bob', 25), ('Adams', 'Zed', 30), ('adams', 'amy', 41)]
print(sorted(people, key=lambda p: (p[0].lower(), p[1].lower())))
print(sorted(people, key=lambda p: p[2], reverse=True))
print(sorted(sorted(people, key=lambda p: p[1]), key=lambda p: p[2]))
print(max(people, key=lambda p: p[2]), min(p[2] for p in people))
print(sorted([3, -1, 2, -5], key=abs), sorted(['b', 'A', 'c'], key=str.casefold))
print(sorted('Hello World'.split(), key=len, reverse=True))
top3
