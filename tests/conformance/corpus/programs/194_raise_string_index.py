# expect: IndexError
words = ['alpha', 'be', 'c']
initials = []

def first_two(w):
    return w[0] + w[1]

for w in words:
    initials.append(first_two(w))
    print(initials)
print('unreachable')
