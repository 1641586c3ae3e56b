pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0)
print(10 ** 20, 3 ** 40)
print(7 // 2 * 2 + 7 % 2)
big = 2 ** 100
print(big, big // 3, big % 1000, -big // 7)
print(abs(-5), -(-5), +3, ~5, ~-1)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3)
print(17 % 5, -17 % 5, 17 % -5, 5.5 % 2, -5.5 % 2)
print(7.0 // 2, -7.0 // 2, 7 // 2.0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
x = 5
x += 3
x -= 1
x *= 2
x //= 3
x **= 2
x %= 7
print(x)
print(10 / 5, type(10 / 5).__name__, 2 ** 62 * 4, -(2 ** 63))
[a // b for a, b in pairs]
