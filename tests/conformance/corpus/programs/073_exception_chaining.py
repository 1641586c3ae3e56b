class ConfigError(Exception):
    pass
def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError(f'missing key {key!r}') from e
def load_quiet(cfg, key):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError('quiet') from None
for fn in (load, load_quiet):
    try:
        fn({}, 'port')
    except ConfigError as e:
        print(fn.__name__, '->', type(e).__name__, e)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
try:
    implicit()
except ValueError as e:
    print('implicit:', e)
def handler_bug():
    try:
        int('x')
    except ValueError:
        return undefined_name
try:
    handler_bug()
except NameError as e:
    print('NameError:', e)
def reraise_bare():
    try:
        raise KeyError('orig')
    except KeyError:
        print('logging then reraising')
        raise
try:
    reraise_bare()
except KeyError as e:
    print('still KeyError:', e)
def exc_var_cleared():
    e = 'before'
    try:
        raise ValueError('v')
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return 'cleared: ' + str(err)
print(exc_var_cleared())
'ok'
