import json
from types import SimpleNamespace

# Parse a JSON config into attribute-style objects with object_hook, then fill defaults.
text = '{"service": {"name": "api", "replicas": 3, "env": {"DEBUG": "0"}}, "regions": ["eu", "us"]}'
cfg = json.loads(text, object_hook=lambda d: SimpleNamespace(**d))
print(cfg.service.name, cfg.service.replicas, cfg.service.env.DEBUG, cfg.regions)
defaults = SimpleNamespace(replicas=1, timeout=30)
for key, value in vars(defaults).items():
    if not hasattr(cfg.service, key):
        setattr(cfg.service, key, value)
print(cfg.service)


def to_dict(obj):
    if isinstance(obj, SimpleNamespace):
        return {k: to_dict(v) for k, v in vars(obj).items()}
    if isinstance(obj, list):
        return [to_dict(v) for v in obj]
    return obj


out = to_dict(cfg)
print(json.dumps(out, sort_keys=True))
print(SimpleNamespace(a=[1]) == SimpleNamespace(a=[1]), SimpleNamespace(x=1, y=2) != SimpleNamespace(y=2, x=1))
try:
    SimpleNamespace(1, 2)
except TypeError as e:
    print('TypeError:', e)
out['service']['timeout']
