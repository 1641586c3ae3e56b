# expect: TypeError
# A tool wrapper with keyword-only options called positionally: CPython's exact message.
def search(query, /, *, limit=10, sort='relevance'):
    return [f'{query}#{i}' for i in range(limit)][:3]


def run_tool(fn, *args, **kwargs):
    print('calling', fn.__name__, args, kwargs)
    return fn(*args, **kwargs)


print(run_tool(search, 'cats', limit=2))
try:
    run_tool(search, query='dogs')
except TypeError as e:
    print('caught:', e)
run_tool(search, 'birds', 5)
