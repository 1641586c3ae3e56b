# expect: ValueError
def parse_numbers(lines):
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        if not line.lstrip('-').isdigit():
            raise ValueError(f'line {n}: not a number: {line!r}')
        yield int(line)

data = ['1', '2', '', '-3', 'four', '5']
total = 0
for value in parse_numbers(data):
    total += value
    print('total', total)
