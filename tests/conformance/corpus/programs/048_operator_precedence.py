print(2 + 3 * 4 ** 2, (2 + 3) * 4 ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-3 ** 2, (-3) ** 2, -3 % 5, 10 - 4 - 3, 100 / 10 / 5)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, not 1 == 2, 1 < 2 == True)
print(3 > 2 > 1, (3 > 2) > 1)
print(2 * 3 % 4, 2 * (3 % 4), 7 // 2 ** 2)
print('a' + 'b' * 3, ('a' + 'b') * 3)
print(not True or True, not (True or True), True or False and False)
x = 5
print(x if x > 3 else -x, 'yes' if not x else 'no')
print(1 if False else 2 if False else 3)
print([1, 2, 3][-1] * 2, -[1, 2][0], 2 ** -1)
print(~0 + 1, ~~5, - - 4)
s = lambda: 1 + 2
print(s() * 3)
print(2 * 3 == 6 and 5 > 4, 1 + 1 in [2], (1, 2) + (3,) * 2)
result = [2 + 3 * 4 ** 2, -3 ** 2, 2 ** 3 ** 2]
result
