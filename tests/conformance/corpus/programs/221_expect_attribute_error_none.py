# expect: AttributeError
def find(users, name):
    for u in users:
        if u['name'] == name:
            return u
users = [{'name': 'ann', 'email': 'ANN@x.io'}]
print(find(users, 'ann')['email'].lower())
print(find(users, 'bob').get('email'))
