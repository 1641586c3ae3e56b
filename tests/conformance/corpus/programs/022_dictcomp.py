words = ['apple', 'banana', 'cherry', 'avocado', 'blueberry']
lengths = {w: len(w) for w in words}
print(lengths)
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
inverted = {v: k for k, v in {'a': 1, 'b': 2, 'c': 1}.items()}
print(inverted)
squares = {n: n ** 2 for n in range(6) if n % 2}
print(squares)
counts = {c: 'mississippi'.count(c) for c in 'mississippi'}
print(counts)
nested = {k: {i: k * i for i in range(1, 3)} for k in (2, 3)}
print(nested)
filtered = {k: v for k, v in lengths.items() if v > 5}
print(list(filtered))
swapped = dict(zip(lengths.values(), lengths.keys()))
print(swapped)
first_letters = {w[0]: w for w in words}
print(first_letters)
nested
