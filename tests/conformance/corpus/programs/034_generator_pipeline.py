lines = ['# header', 'alice,30,NY', '', 'bob,x,LA', 'carol,25,SF', '# end', 'dan,41,NY']

def non_empty(src):
    for line in src:
        if line and not line.startswith('#'):
            yield line

def parse(src):
    for line in src:
        name, age, city = line.split(',')
        try:
            yield {'name': name, 'age': int(age), 'city': city}
        except ValueError:
            print('skip bad age:', repr(age))

def adults(src, min_age=26):
    return (r for r in src if r['age'] >= min_age)

pipeline = adults(parse(non_empty(lines)))
result = [r['name'] for r in pipeline]
print(result)
by_city = {}
for rec in parse(non_empty(lines)):
    by_city.setdefault(rec['city'], []).append(rec['name'])
print(by_city)

def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch

print(list(batched(range(7), 3)))

def running_sum(it):
    s = 0
    for x in it:
        s += x
        yield s

print(list(running_sum([1, 2, 3, 4])))
result
