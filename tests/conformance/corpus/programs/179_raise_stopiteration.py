# expect: StopIteration
def pairs(items):
    it = iter(items)
    while True:
        a = next(it, None)
        if a is None:
            return
        yield a, next(it, 'missing')

print(list(pairs([1, 2, 3])))
it = iter(['only'])
print(next(it))
next(it)
