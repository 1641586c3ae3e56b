# expect: ValidationError
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f'{field}: {problem}')
        self.field = field

def validate(user):
    if not user.get('name'):
        raise ValidationError('name', 'must not be empty')
    if user.get('age', 0) < 0:
        raise ValidationError('age', f"must be >= 0, got {user['age']}")
    return True

for u in [{'name': 'ann', 'age': 3}, {'name': 'bob'}, {'name': 'cy', 'age': -4}]:
    print(u['name'], validate(u))
