# expect: ConfigError
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise ConfigError(f'invalid port {text!r}') from e
    if not 0 < port < 65536:
        raise ConfigError(f'port out of range: {port}')
    return port

print(parse_port('8080'))
print(parse_port('http'))
