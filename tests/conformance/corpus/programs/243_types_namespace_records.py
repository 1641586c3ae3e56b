import types

# Build lightweight records and check what they are, with `types` names used for isinstance checks.
def make_record(**fields):
    rec = types.SimpleNamespace(**fields)
    rec.tags = list(fields.get('tags', []))
    return rec

recs = [make_record(name='a', size=3), make_record(name='b', size=1, tags=['x'])]
recs.sort(key=lambda r: r.size)
print([(r.name, r.size, r.tags) for r in recs])


def gen():
    yield 1


async def coro():
    return 1


print(isinstance(make_record, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.LambdaType))


class K:
    def m(self):
        return 1


print(isinstance(K().m, types.MethodType), isinstance(K.m, types.FunctionType))
print(types.NoneType is type(None), isinstance(..., types.EllipsisType))
ns = types.SimpleNamespace(a=1, b=[1, 2])
ns2 = types.SimpleNamespace(**vars(ns))
ns2.b.append(3)
print(ns, ns == ns2)
mp = types.MappingProxyType({'k': 'v'})
print(type(mp).__name__, list(mp.keys()), list(mp.values()))
len(recs)
