# expect: KeyError
config = {'host': 'localhost', 'port': 8080}
defaults = {'timeout': 30}

def get_setting(name):
    if name in config:
        return config[name]
    print(f'{name} not in config, checking defaults')
    return defaults[name]

for key in ['host', 'timeout', 'retries']:
    print(key, '=', get_setting(key))
print('unreachable')
