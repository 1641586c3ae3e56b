# expect: TypeError
prices = {'apple': 1, 'pear': 2, 'fig': '3'}
total = 0
seen = []
for name, price in prices.items():
    print('adding', name, repr(price))
    seen.append(name)
    total = total + price
    print('running total', total, 'after', seen)
print('unreachable', total)
