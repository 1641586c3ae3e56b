from types import SimpleNamespace, MappingProxyType

# Config objects built from parsed JSON-ish dicts, as code-mode programs often do.
raw = {'host': 'db.local', 'port': 5432, 'options': {'ssl': True, 'timeout': 3.5}}
cfg = SimpleNamespace(**raw)
cfg.options = SimpleNamespace(**raw['options'])
print(cfg.host, cfg.port, cfg.options.ssl, cfg.options.timeout)
print(repr(cfg.options))
cfg.retries = 3
del cfg.port
print(cfg)
print(SimpleNamespace(a=1) == SimpleNamespace(a=1), SimpleNamespace(a=1) == SimpleNamespace(a=2))
print(sorted(vars(cfg)))
print(hasattr(cfg, 'port'), getattr(cfg, 'retries', None))
empty = SimpleNamespace()
print(repr(empty), isinstance(cfg, SimpleNamespace), type(cfg).__name__)
try:
    cfg.missing
except AttributeError as e:
    print('AttributeError:', e)

defaults = MappingProxyType({'level': 'info', 'color': False})
print(defaults['level'], len(defaults), 'color' in defaults, dict(defaults))
print(sorted(defaults.items()), defaults.get('nope', '-'))
try:
    defaults['level'] = 'debug'
except TypeError as e:
    print('TypeError:', e)
merged = defaults | {'level': 'debug'}
print(merged, type(merged).__name__)
backing = {'x': 1}
view = MappingProxyType(backing)
backing['y'] = 2
print(sorted(view), view.copy())
cfg.retries
