# expect: ApiError
class ApiError(Exception):
    pass

def call(endpoint):
    responses = {'/ok': 200, '/missing': 404}
    status = responses.get(endpoint, 500)
    print(endpoint, status)
    if status != 200:
        raise ApiError(endpoint, status)
    return 'ok'

print(call('/ok'))
print(call('/missing'))
