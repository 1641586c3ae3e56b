total = 0
calls = []

def add(n):
    global total
    total += n
    calls.append(n)

for i in range(5):
    add(i)
print(total, calls)

def set_new_global():
    global created
    created = 'yes'

set_new_global()
print(created)

def outer():
    a = 1
    b = 10

    def mid():
        nonlocal a
        a += 1

        def inner():
            nonlocal a, b
            a *= 10
            b -= 1
            return a, b
        return inner()
    r = mid()
    return r, a, b

print(outer())

def counter_gen():
    n = 0

    def tick():
        nonlocal n
        n += 1
        return n
    return tick

t = counter_gen()
[t() for _ in range(3)]
print(t())
assert total == 10
(total, created)
