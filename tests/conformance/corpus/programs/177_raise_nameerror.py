# expect: NameError
def compute(values):
    subtotal = 0
    for v in values:
        subtotal += v
    print('subtotal', subtotal)
    return undefined_total + subtotal

print('start')
result = compute([1, 2, 3])
print(result)
