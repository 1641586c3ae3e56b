# expect: AttributeError
# A lookup that returns None on a miss, then a method call on the result.
users = [{'id': 1, 'name': 'ada'}, {'id': 2, 'name': 'bob'}]


def find(uid):
    return next((u for u in users if u['id'] == uid), None)


for uid in (1, 2):
    print(uid, find(uid)['name'].title())
match find(3):
    case None:
        print('no user 3')
    case {'name': name}:
        print(name)
find(3).get('name')
