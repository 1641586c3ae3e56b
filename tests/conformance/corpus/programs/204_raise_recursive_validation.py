# expect: SchemaError
class SchemaError(ValueError):
    def __init__(self, path, msg):
        super().__init__(f'{"/".join(path) or "<root>"}: {msg}')

def check(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            if not isinstance(k, str):
                raise SchemaError(path, f'non-string key {k!r}')
            check(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            check(v, path + (str(i),))
    elif not isinstance(node, (int, float, str, bool, type(None))):
        raise SchemaError(path, f'unsupported type {type(node).__name__}')

check({'a': [1, 2, {'b': 'x'}]})
print('first document ok')
check({'a': [1, {'c': {'d': (1, 2)}}]})
