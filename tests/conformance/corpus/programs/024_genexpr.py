nums = range(1, 8)
print(sum(n * n for n in nums))
print(max(len(w) for w in ['a', 'abcd', 'abc']))
print(any(n > 6 for n in nums), all(n > 0 for n in nums))
gen = (c.upper() for c in 'abc')
print(type(gen).__name__)
print(next(gen))
print(list(gen))
print(list(gen))
print(', '.join(str(n) for n in nums if n % 3 == 0))
print(sorted((n % 4 for n in nums), reverse=True))
print(dict((k, v) for k, v in zip('xyz', range(3))))
print(tuple(x for x in 'hello' if x not in 'l'))
total = 0
squares = (n * n for n in range(5))
for sq in squares:
    total += sq
print(total)
first_big = next((n for n in nums if n > 4), None)
none_big = next((n for n in nums if n > 40), 'none')
print(first_big, none_big)
print(sum(1 for _ in 'abc'), min((n for n in nums), key=lambda n: abs(n - 4.6)))
[first_big, none_big, total]
