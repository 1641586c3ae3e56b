print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(5.5, 2))
print(pow(2, 8), pow(2, -2), pow(5, 3, 13), pow(-2, 3), pow(2.0, 3), pow(4, 0.5))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
print(round(1234.567, 1), round(1234.567, -1), round(1250, -2), round(1350, -2), round(7), round(7.0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.4))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum((0.5, 0.25)), sum(range(101)), sum([], start=5))
print(min(3, 1, 2), max('apple', 'fig', 'kiwi'), min([], default='empty'), max([5], default=0))
words = ['pear', 'fig', 'banana', 'kiwi']
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: (len(w), w)))
print(min((3, 'c'), (1, 'z'), (1, 'a')), max([[1, 2], [1, 2, 0]]))
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
[round(x) for x in (0.5, 1.5, 2.5, -1.5)]
