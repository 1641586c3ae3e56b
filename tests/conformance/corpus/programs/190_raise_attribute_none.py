# expect: AttributeError
users = [{'name': ' Ann '}, {'name': 'bob'}, {'nick': 'cy'}]
cleaned = []

def clean(user):
    name = user.get('name')
    return name.strip().title()

for u in users:
    cleaned.append(clean(u))
    print(cleaned)
