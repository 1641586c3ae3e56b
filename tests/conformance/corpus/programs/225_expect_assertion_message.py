# expect: AssertionError
def check(resp):
    assert isinstance(resp, dict), f'expected dict, got {type(resp).__name__}'
    assert resp.get('status') == 200, f"bad status {resp.get('status')}"
    return resp['body']
print(check({'status': 200, 'body': 'ok'}))
print(check({'status': 404}))
