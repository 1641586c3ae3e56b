"""Escape payloads: real multi-step attacks a prompt-injected model could write.

Every payload gets `path` (a file holding the secret), `var` (an environment variable holding the
secret) and a host function `fetch`. Each tries to reach host state and print or return the secret.
`expect` is what must happen: 'syntax' (refused at compile time), 'error' (the run fails with a
`MontyRuntimeError`), or 'any' (the run may finish; the canary checks still apply).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    id: str
    code: str
    expect: str = 'error'
    needs: str | None = None  # a sandbox module the payload needs (skipped when absent)


_STEAL = """
def steal(b):
    # b: anything that might be CPython's builtins (dict or module)
    opener = b['open'] if type(b) is dict else b.open
    print(opener(path).read())
"""

PAYLOADS: list[Payload] = [
    # -- class hierarchy walks -----------------------------------------------------------------
    Payload(
        'subclasses_via_bases',
        """
for c in ().__class__.__bases__[0].__subclasses__():
    if c.__name__ == 'catch_warnings':
        print(c()._module.__builtins__['open'](path).read())
""",
    ),
    Payload('subclasses_via_mro', '[].__class__.__mro__[-1].__subclasses__()'),
    Payload('object_subclasses', 'object.__subclasses__()'),
    Payload('type_subclasses_unbound', 'type.__subclasses__(object)'),
    Payload('class_class_subclasses', '(1).__class__.__class__.__subclasses__((1).__class__.__class__)'),
    Payload(
        'mro_then_subclasses',
        """
k = int.mro()[-1]
k.__subclasses__()
""",
    ),
    Payload('base_via_getattr', "getattr(getattr((), '__class__'), '__base__').__subclasses__()"),
    # -- function internals ------------------------------------------------------------------------
    Payload('print_globals', _STEAL + "steal(print.__globals__['__builtins__'])"),
    Payload('getattr_globals', _STEAL + "steal(getattr(print, '__globals__')['__builtins__'])"),
    Payload(
        'own_function_globals',
        _STEAL
        + """
def f(): pass
steal(f.__globals__['__builtins__'])
""",
    ),
    Payload('lambda_globals', '(lambda: 0).__globals__'),
    Payload(
        'closure_cells',
        """
def outer():
    secret_ref = print
    def inner():
        return secret_ref
    return inner
outer().__closure__[0].cell_contents.__globals__
""",
    ),
    Payload('print_closure', 'print.__closure__[0].cell_contents'),
    Payload('code_object', '(lambda: 0).__code__.co_consts'),
    Payload(
        'code_replace',
        """
def f(): return 1
c = f.__code__
type(f)(c.replace(co_names=('open',)), {})
""",
    ),
    Payload('builtin_self', 'len.__self__'),
    Payload('builtin_self_getattr', "getattr(len, '__self__').open(path).read()"),
    Payload('method_self', '[].append.__self__.__class__.__subclasses__()'),
    Payload('func_defaults', 'sorted.__kwdefaults__'),
    Payload('func_dict_walk', 'vars(print)'),
    Payload(
        'wrapped',
        """
def deco(f):
    return f
@deco
def g(): pass
g.__wrapped__
""",
    ),
    # -- format-string traversal ---------------------------------------------------------------------
    Payload('format_mro', "'{0.__class__.__mro__[1].__subclasses__}'.format(1)"),
    Payload('format_globals', "print('{0.__globals__[__builtins__]}'.format(print))"),
    Payload('format_map_globals', "print('{x.__globals__}'.format_map({'x': print}))"),
    Payload('format_unbound', "print(str.format('{0.__globals__}', print))"),
    Payload(
        'format_gen_frame',
        """
def g():
    yield 1
print('{0.gi_frame.f_globals}'.format(g()))
""",
    ),
    Payload('format_nested_spec_traversal', "print('{0:{1.__globals__}}'.format(1, print))"),
    Payload('format_index_then_attr', "print('{0[0].__globals__}'.format([print]))"),
    Payload('format_fetch_internals', "print('{0._execution}'.format(fetch))"),
    Payload(
        'format_str_subclass',
        """
class F(str):
    pass
print(F('{0.__globals__}').format(print))
""",
    ),
    # -- generators, coroutines, tracebacks, frames --------------------------------------------------
    Payload(
        'gen_frame',
        """
def g():
    yield 1
f = g().gi_frame
print(f.f_back.f_globals['__builtins__'])
""",
    ),
    Payload(
        'gen_code',
        """
def g():
    yield 1
g().gi_code.co_consts
""",
    ),
    Payload(
        'coroutine_frame',
        """
async def c():
    return 1
co = c()
try:
    co.cr_frame.f_globals
finally:
    co.close()
""",
    ),
    Payload(
        'async_gen_frame',
        """
async def a():
    yield 1
a().ag_frame.f_globals
""",
    ),
    Payload(
        'traceback_frame',
        """
try:
    1 / 0
except ZeroDivisionError as e:
    fr = e.__traceback__.tb_frame
    print(fr.f_back.f_globals)
""",
    ),
    Payload(
        'traceback_getattr',
        """
try:
    1 / 0
except ZeroDivisionError as e:
    getattr(e, '__traceback__')
""",
    ),
    Payload(
        'with_traceback',
        """
try:
    1 / 0
except ZeroDivisionError as e:
    e.with_traceback(None)
""",
    ),
    Payload(
        'generator_throw_frame',
        """
def g():
    try:
        yield 1
    except Exception as e:
        yield e.__traceback__
it = g()
next(it)
it.throw(ValueError('x')).tb_frame
""",
    ),
    # -- guard-fooling: names and types ----------------------------------------------------------------
    Payload(
        'str_subclass_eq',
        """
class S(str):
    def __eq__(self, other):
        return True
    def __hash__(self):
        return hash('__class__')
getattr(print, S('__globals__'))
""",
    ),
    Payload(
        'str_subclass_startswith',
        """
class S(str):
    def startswith(self, *a):
        return False
    def endswith(self, *a):
        return False
getattr(print, S('__globals__'))
""",
    ),
    Payload(
        'str_subclass_hasattr',
        """
class S(str):
    def __eq__(self, o):
        return False
hasattr(print, S('__globals__')) or getattr(print, '__globals__')
""",
    ),
    Payload(
        'setattr_str_subclass',
        """
class S(str): pass
class C: pass
setattr(C, S('__class__'), int)
""",
    ),
    Payload(
        'class_property_spoof',
        """
class Spoof:
    @property
    def __class__(self):
        return dict
Spoof().__class__
""",
        expect='syntax',
    ),
    Payload(
        'class_attr_spoof_setattr',
        """
class C: pass
c = C()
setattr(c, '__class__', dict)
""",
    ),
    Payload(
        'class_assign_spoof',
        """
class C: pass
c = C()
c.__class__ = int
""",
    ),
    Payload(
        'isinstance_spoof_in_guard',
        """
class C(str):
    pass
x = C('a')
x.__class__.__bases__[0].__base__.__subclasses__()
""",
    ),
    Payload(
        'getattribute_override',
        """
class C:
    def __getattribute__(self, n):
        return 1
""",
        expect='syntax',
    ),
    Payload('object_getattribute', "object.__getattribute__(fetch, '_execution')"),
    Payload('type_getattribute', "type.__getattribute__(print, '__globals__')"),
    # -- match statements ------------------------------------------------------------------------------
    Payload(
        'match_kwd_gi_frame',
        """
def g():
    yield 1
match g():
    case object(gi_frame=f):
        print(f.f_globals)
""",
        # read through the attribute guard: the refusal raises (or the function has no such attribute)
    ),
    Payload(
        'match_kwd_f_globals',
        """
match print:
    case object(f_globals=g):
        print(g)
""",
        # read through the attribute guard: no such attribute, no match
        expect='any',
    ),
    Payload(
        'match_kwd_nested_inert',
        """
def g():
    yield 1
match g():
    case object(gi_frame=object(f_globals={'__name__': '__main__'})):
        print('read the frame natively')
""",
        expect='syntax',
    ),
    Payload(
        'match_kwd_value_pattern_eq',
        """
class Spy:
    def __eq__(self, other):
        print(other.f_globals)
        return False
class K:
    spy = Spy()
def g():
    yield 1
match g():
    case object(gi_frame=K.spy):
        pass
""",
        expect='syntax',
    ),
    Payload(
        'match_kwd_wrapped_nested',
        # a capture below the top of a case used to be read natively: the unchecked `str.center`
        """
match ['x']:
    case [str(center=f)]:
        print(len(f(10**9)))
""",
        expect='syntax',
    ),
    Payload(
        'match_args_dunder',
        """
class E(Exception):
    __match_args__ = ('__traceback__',)
try:
    raise E()
except E as e:
    match e:
        case E(tb):
            print(tb)
""",
    ),
    Payload(
        'match_args_reduce',
        """
class C:
    __match_args__ = ('__reduce_ex__',)
match C():
    case C(r):
        print(r(2)[0].__globals__)
""",
    ),
    Payload(
        'match_private',
        """
match fetch:
    case object(_execution=e):
        print(e)
""",
        expect='syntax',
    ),
    # -- pickling hooks ----------------------------------------------------------------------------------
    Payload('reduce_ex', '(1).__reduce_ex__(2)'),
    Payload('reduce_ex_walk', "[].__reduce_ex__(2)[0].__globals__['__builtins__']"),
    Payload('reduce', 'fetch.__reduce__()'),
    # -- super() tricks ----------------------------------------------------------------------------------
    Payload('super_host_private', 'super(type(fetch), fetch)._execution'),
    Payload('super_self_attr', 'super(type(fetch), fetch).__self__'),
    Payload('super_thisclass', 'super(int, 1).__thisclass__'),
    Payload(
        'super_init_rebind',
        """
class Fake:
    def host_call(self, *a):
        return 'x'
type(fetch).__init__(fetch, Fake(), 'open')
""",
    ),
    Payload('host_init_rebind', "fetch.__init__(None, 'open')"),
    Payload(
        'stream_init_rebind',
        """
import sys
sys.stdout.__init__(None, 'stdout')
""",
    ),
    # -- modules ---------------------------------------------------------------------------------------
    Payload('sys_modules', "import sys\nsys.modules['os'].environ[var]"),
    Payload('sys_getframe', 'import sys\nsys._getframe(0).f_globals'),
    Payload('sys_stdout_private', 'import sys\nsys.stdout._output.callback'),
    Payload('sys_exit_real', "import sys\nsys.exit.__globals__['sys']"),
    Payload('import_os', 'import os\nprint(os.environ[var])'),
    Payload('import_builtins', 'import builtins\nbuiltins.open(path).read()'),
    Payload('import_importlib', "import importlib\nimportlib.import_module('os')"),
    Payload('dunder_import', "__import__('os').environ", expect='syntax'),
    Payload('dunder_builtins', "__builtins__['open'](path)", expect='syntax'),
    Payload('module_dict', 'import sys\nsys.__dict__'),
    Payload('module_loader', 'import sys\nsys.__loader__'),
    Payload('module_spec', 'import typing\ntyping.__spec__'),
    Payload('asyncio_loop', 'import asyncio\nasyncio.get_event_loop()'),
    Payload('asyncio_internals', "import asyncio\nasyncio.run.__globals__['_asyncio']"),
    Payload(
        'asyncio_task_coro',
        """
import asyncio
async def f():
    return 1
async def main():
    t = asyncio.create_task(f())
    return t._coro.cr_frame
asyncio.run(main())
""",
    ),
    Payload(
        'dataclass_fields_walk',
        """
from dataclasses import dataclass, fields
@dataclass
class P:
    x: int = 1
fl = fields(P)[0]
print(fl.__class__.__init__.__globals__)
""",
    ),
    Payload(
        'dataclass_field_default_factory_globals',
        """
from dataclasses import field
field.__globals__
""",
    ),
    Payload(
        'typing_form_walk',
        """
import typing
t = typing.List[int]
t._name
""",
    ),
    Payload(
        'typing_form_class_walk',
        """
import typing
typing.Optional.__class__.__init__.__globals__
""",
    ),
    # -- stdlib paths that take attribute names or wrap callables -----------------------------------
    Payload(
        'operator_attrgetter', "import operator\noperator.attrgetter('__globals__')(print)", needs='operator'
    ),
    Payload(
        'operator_attrgetter_dotted',
        "import operator\noperator.attrgetter('__class__.__mro__')(1)[-1].__subclasses__()",
        needs='operator',
    ),
    Payload(
        'operator_methodcaller_reduce',
        "import operator\noperator.methodcaller('__reduce_ex__', 2)(1)",
        needs='operator',
    ),
    Payload(
        'operator_methodcaller_format',
        "import operator\nprint(operator.methodcaller('format', print)('{0.__globals__}'))",
        needs='operator',
    ),
    Payload(
        'reduce_getattr',
        "import functools\nfunctools.reduce(getattr, ['__globals__', '__builtins__'], print)",
        needs='functools',
    ),
    Payload(
        'partial_getattr',
        "import functools\nfunctools.partial(getattr, print)('__globals__')",
        needs='functools',
    ),
    Payload(
        'partial_func_walk', 'import functools\nfunctools.partial(print).func.__globals__', needs='functools'
    ),
    Payload(
        'wraps_wrapped',
        """
import functools
@functools.wraps(print)
def f():
    pass
f.__wrapped__.__globals__
""",
        needs='functools',
    ),
    Payload(
        'namedtuple_dunder_field',
        "import collections\ncollections.namedtuple('P', ['__globals__'])",
        needs='collections',
    ),
    Payload(
        'ordered_dict_init_globals',
        'import collections\ncollections.OrderedDict.__init__.__globals__',
        needs='collections',
    ),
    Payload(
        'abc_register_host_class',
        'import collections.abc\ncollections.abc.Mapping.register(list)',
        needs='collections.abc',
    ),
    Payload('re_pattern_internals', "import re\nre.compile('a').__class__.__init__", needs='re'),
    Payload('json_internals', "import json\njson.dumps.__globals__['__builtins__']", needs='json'),
    # -- dynamic code and namespaces -----------------------------------------------------------------------
    Payload('eval', "eval('open(path).read()')"),
    Payload('exec', "exec('import os')"),
    Payload('compile', "compile('1', 'x', 'eval')"),
    Payload('open', 'open(path).read()'),
    Payload('globals', "globals()['__builtins__']"),
    Payload('locals', 'locals()'),
    Payload('vars_no_arg', 'vars()'),
    Payload('vars_function', 'vars(fetch)'),
    Payload('vars_type', 'vars(type(fetch))'),
    Payload('type_3_args', "type('X', (), {})", expect='syntax'),
    Payload('type_3_args_alias', "t = type\nt('X', (), {'open': 1})"),
    Payload('metaclass_kw', 'class X(metaclass=type): pass', expect='syntax'),
    Payload('metaclass_of_sandbox_type', "(1).__class__.__class__('X', (), {})"),
    Payload(
        'class_del',
        """
class X:
    def __del__(self):
        print(open(path).read())
X()
""",
        expect='syntax',
    ),
    Payload(
        'class_del_setattr',
        """
class X: pass
setattr(X, '__del__', lambda self: print('late'))
""",
    ),
    Payload(
        'function_type_ctor',
        """
def f(): pass
FT = type(f)
FT(f.__code__, {'__builtins__': None})
""",
    ),
    Payload('reserved_names', "_m_getattr(print, '__globals__')", expect='syntax'),
    Payload('range_internals', 'range(10**7)._r'),
    Payload('range_real_attr', 'range(10**7).range'),
    Payload('bytes_standin_internals', 'bytes.__dict__'),
    Payload('subclass_host_type', 'class H(type(fetch)): pass'),
    # Metaclasses reachable from host classes build classes outside the class builder: host bases,
    # `__getattribute__`/`__del__`/`__class__` in the namespace (3-argument `type()` by another name).
    Payload(
        'abcmeta_builds_class',
        """
import abc
X = abc.ABCMeta('X', (type(fetch),), {'__getattribute__': lambda s, n: print(n)})
X(None, 'x')
""",
    ),
    Payload(
        'metaclass_of_host_class',
        """
import collections
type(collections.ChainMap)('X', (type(fetch),), {'__del__': lambda s: 0})
""",
    ),
    Payload(
        'metaclass_of_typing_protocol',
        """
import typing
type(typing.SupportsInt)('P', (), {'__class__': property(lambda s: int)})
""",
    ),
    Payload(
        'metaclass_of_cpython_enum',
        """
import string
E = type(type(string.Template.flags))
E('X', (), {})
""",
    ),
    Payload(
        'subclass_generator_type',
        """
def g():
    yield 1
class G(type(g())): pass
""",
    ),
    # -- exceptions from the host ----------------------------------------------------------------------
    Payload(
        'host_exception_attrs',
        """
try:
    fetch('boom')
except Exception as e:
    print(type(e).__name__, e.args)
    print(e.__context__, e.__cause__)
    e.host_object
""",
        expect='any',
    ),
    Payload(
        'print_file_context',
        """
try:
    print('x', file=1)
except BaseException as e:
    e.__context__.__traceback__
""",
    ),
    # -- BaseExceptions and run control ----------------------------------------------------------------
    Payload('system_exit', 'raise SystemExit(0)'),
    Payload('sys_exit', 'import sys\nsys.exit(3)'),
    Payload('keyboard_interrupt', 'raise KeyboardInterrupt'),
    Payload('generator_exit', 'raise GeneratorExit'),
    Payload('base_exception_subclass', "class B(BaseException): pass\nraise B('x')"),
    Payload(
        'timeout_swallowed_by_except',
        """
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
""",
        expect='timeout',
    ),
    Payload(
        'timeout_swallowed_by_finally_return',
        """
def f():
    try:
        while True:
            pass
    finally:
        return 1
while True:
    f()
""",
        expect='timeout',
    ),
    Payload(
        'timeout_in_generator_close',
        """
def g():
    try:
        yield 1
    finally:
        while True:
            pass
it = g()
next(it)
it.close()
""",
        expect='timeout',
    ),
    # -- values crossing to the host ---------------------------------------------------------------------
    Payload(
        'evil_repr_result',
        """
class Evil:
    def __repr__(self):
        while True:
            pass
    def __eq__(self, o):
        while True:
            pass
    def __hash__(self):
        while True:
            pass
x = Evil()
x.secret = 'ok'
x
""",
        expect='any',
    ),
    Payload(
        'evil_repr_in_list_result',
        """
class Evil:
    def __repr__(self):
        print(open(path).read())
        return 'x'
[Evil(), {'k': Evil()}]
""",
        expect='any',
    ),
    Payload(
        'evil_arg_to_host',
        """
class Evil:
    def __repr__(self):
        while True:
            pass
    __str__ = __repr__
fetch(Evil(), key=Evil())
""",
        expect='any',
    ),
    Payload(
        'host_function_result_walk',
        """
r = fetch()
type(r).__subclasses__()
""",
    ),
    Payload('host_function_proxy_attrs', 'fetch._name'),
    Payload('host_function_dunder_call', 'fetch.__call__.__self__._execution'),
]
