data = [3, 8, 1, 9, 4]

def cost(n):
    return n * n - 10

kept = [c for n in data if (c := cost(n)) > 0]
print(kept, c)
total = 0
running = [total := total + n for n in data]
print(running, total)
lines = ['a=1', 'junk', 'b=22', 'c=']
parsed = {k: v for line in lines if len(parts := line.split('=')) == 2 for k, v in [parts] if v}
print(parsed)
if (n := len(data)) > 3:
    print(f'long list ({n} items)')
chunks = []
it = iter(range(7))
while (chunk := [x for _, x in zip(range(3), it)]):
    chunks.append(chunk)
print(chunks)
vals = [y := 5, y ** 2]
print(vals, y)
(kept, total, chunks)
