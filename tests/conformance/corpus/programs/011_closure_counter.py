def make_counter(start=0, step=1):
    count = start

    def incr():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        count = start
    return incr, reset

inc, reset = make_counter(10, 5)
print(inc(), inc(), inc())
reset()
print(inc())
a_inc, _ = make_counter()
b_inc, _ = make_counter(100)
print(a_inc(), b_inc(), a_inc(), b_inc())

def make_acc():
    items = []

    def add(x):
        items.append(x)
        return len(items)
    return add, items

add, items = make_acc()
for w in 'abc':
    add(w)
print(items)
assert items == ['a', 'b', 'c']
inc()
