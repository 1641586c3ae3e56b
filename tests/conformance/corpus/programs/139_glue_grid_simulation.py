grid = [
    '.....',
    '..#..',
    '..#..',
    '..#..',
    '.....',
]
cells = {(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == '#'}

def step(live):
    counts = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def show(live, size=5):
    return [''.join('#' if (r, c) in live else '.' for c in range(size)) for r in range(size)]

gen = cells
for i in range(3):
    gen = step(gen)
    print(i + 1, show(gen))
print(sorted(gen) == sorted(step(step(gen))))
maze = ['#########', '#..#....#', '#..#.##.#', '#....#..#', '#########']

def flood(start):
    seen, stack = set(), [start]
    while stack:
        r, c = stack.pop()
        if (r, c) in seen or maze[r][c] == '#':
            continue
        seen.add((r, c))
        stack.extend([(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)])
    return seen

region = flood((1, 1))
print(len(region), min(region), max(region))
sorted(gen)
