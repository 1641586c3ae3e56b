# json indent forms, gc no-ops, MappingProxyType reads, and the types module's names.
import json, gc, types
print(json.dumps({'a': [1, {'b': None}]}, indent=' '), json.dumps([1, 2], indent=True, separators=(',', ':')))
try:
    json.dumps([1], indent=1.5)
except TypeError as e:
    print('TypeError', e)
print(gc.collect() >= 0, gc.collect(0) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
m = types.MappingProxyType({'a': 1})
print(m['a'], m.get('b'), list(m.items()))
print(type(lambda: 0) is types.FunctionType, types.LambdaType is types.FunctionType, repr(types.NoneType))
ns = types.SimpleNamespace(b=2, a=1)
print(ns, repr(types.SimpleNamespace), types.SimpleNamespace.__name__)
def g():
    yield 1
print(isinstance(g(), types.GeneratorType), isinstance(g, types.GeneratorType))
