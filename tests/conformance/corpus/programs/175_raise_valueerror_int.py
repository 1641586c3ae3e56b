# expect: ValueError
raw = ['10', '20', ' 30 ', 'x', '50']
parsed = []

def to_int(text):
    return int(text)

for item in raw:
    parsed.append(to_int(item))
    print('parsed', parsed)
print(sum(parsed))
