# expect: KeyError
events = []

def step(name, data):
    events.append(f'start {name}')
    try:
        return data[name]
    finally:
        events.append(f'end {name}')
        print(events)

data = {'a': 1, 'b': 2}
print(step('a', data))
print(step('c', data))
