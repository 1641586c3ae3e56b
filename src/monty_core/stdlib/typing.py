"""`typing` and `typing_extensions` in the sandbox.

The special forms (`Optional`, `Union`, `List`, `Any`, `Literal`, `TypeVar`, ...) are CPython's own
objects, so they subscript, combine and compare as in CPython (`Optional[int] == int | None`); every
typing class is registered with an empty attribute allow-list, so nothing inside them is reachable.
The class bases `TypedDict`, `Protocol`, `Generic` and `NamedTuple` use metaclasses in CPython: here
they are `TypingForm`s that the sandbox's class builder understands (a `TypedDict` class makes plain
dicts; `Protocol` and `Generic[...]` become plain `object` bases). `TYPE_CHECKING` is False.
"""

from __future__ import annotations

import typing
from typing import Any

import typing_extensions

from ..runtime.allowlists import ALLOWED
from ..runtime.class_statement import MRO_ENTRY_TYPES
from ..runtime.classes import sandbox_class
from ..runtime.guards import SANDBOX_CLASS_MARK
from ..runtime.modules import RunContext
from ._support import bind


class TypingForm:
    """An inert stand-in for a typing special form (`Optional`, `List[int]`, a TypeVar, ...)."""

    __slots__ = ('_base', '_name')

    def __init__(self, name: str, base: type | None = None) -> None:
        self._name = name
        self._base = base

    def __getitem__(self, item: Any) -> TypingForm:
        items = item if isinstance(item, tuple) else (item,)
        inner = ', '.join(_form_repr(i) for i in items)
        return TypingForm(f'{self._name}[{inner}]', self._base)

    def __or__(self, other: Any) -> TypingForm:
        return TypingForm(f'{self._name} | {_form_repr(other)}')

    def __ror__(self, other: Any) -> TypingForm:
        return TypingForm(f'{_form_repr(other)} | {self._name}')

    def __repr__(self) -> str:
        return self._name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._base is TypedDictBase and args and isinstance(args[0], str):
            return make_typed_dict(args[0])
        if self._base is NamedTupleBase and args and isinstance(args[0], str):
            return _named_tuple(*args, **kwargs)
        raise TypeError(f'{self._name} cannot be instantiated')

    def __mro_entries__(self, bases: tuple[Any, ...]) -> tuple[type, ...]:
        if self._base is None:
            raise TypeError(f'cannot subclass {self._name} in the sandbox')
        return (self._base,)


ALLOWED[TypingForm] = frozenset()
MRO_ENTRY_TYPES.add(TypingForm)


def _form_repr(value: Any) -> str:
    if isinstance(value, type):
        return value.__name__
    if isinstance(value, list):
        return '[' + ', '.join(_form_repr(v) for v in value) + ']'
    return repr(value)


class TypedDictBase(dict):  # type: ignore[type-arg]
    """Base of sandbox TypedDict classes: calling one makes a plain dict."""

    __monty_typed_dict__ = True

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:  # type: ignore[misc]
        return dict(*args, **kwargs)


type.__setattr__(TypedDictBase, SANDBOX_CLASS_MARK, True)


# What a `NamedTuple` class body may not define (CPython's `typing._prohibited`).
_NAMED_TUPLE_PROHIBITED = frozenset(
    {
        '__new__',
        '__init__',
        '__slots__',
        '__getnewargs__',
        '_fields',
        '_field_defaults',
        '_make',
        '_replace',
        '_asdict',
        '_source',
    }
)


class NamedTupleBase(tuple):  # type: ignore[type-arg]
    """Base of sandbox `class P(NamedTuple)` classes. CPython's metaclass builds a `namedtuple` from the
    body's annotations and copies the body's methods onto it; here the class itself becomes that named
    tuple when it is created (its base is this class, not `tuple` directly)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if NamedTupleBase not in cls.__bases__:
            return  # a subclass of a named tuple class is a plain class, as in CPython
        from .collections import named_tuple_namespace

        body = dict(cls.__dict__)
        fields = tuple(body.get('__annotations__', {}))
        defaults: dict[str, Any] = {}
        for name in fields:
            if name in body:
                defaults[name] = body[name]
            elif defaults:
                plural = 's' if len(defaults) > 1 else ''
                raise TypeError(
                    f'Non-default namedtuple field {name} cannot follow default field{plural} '
                    f'{", ".join(defaults)}'
                )
            if name.startswith('_'):
                raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        for key in body:
            if key in _NAMED_TUPLE_PROHIBITED and key != '__slots__':
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
        namespace = named_tuple_namespace(cls.__name__, fields, defaults)
        namespace['__new__'] = staticmethod(namespace['__new__'])
        for key, value in namespace.items():
            if key == '__slots__' or (key in body and key not in fields and key != '__doc__'):
                continue  # the body's own methods (`__repr__`, ...) win, as in CPython
            if key == '__doc__' and body.get('__doc__') is not None:
                continue
            type.__setattr__(cls, key, value)

        def __setattr__(self: Any, name: str, value: Any) -> None:
            # CPython's named tuples have no `__dict__`: only the fields' own refusal, or no attribute.
            if name in fields:
                raise AttributeError("can't set attribute")
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

        type.__setattr__(cls, '__setattr__', __setattr__)


type.__setattr__(NamedTupleBase, SANDBOX_CLASS_MARK, True)


def _named_tuple(typename: str, fields: Any = None, /, **kwargs: Any) -> type:
    """`NamedTuple('P', [('x', int), ('y', int)])` (or keyword fields)."""
    from .collections import namedtuple

    names = [name for name, _ in fields] if fields is not None else list(kwargs)
    return namedtuple(typename, names)


def make_typed_dict(name: str) -> type:
    cls = type(name, (TypedDictBase,), {})
    type.__setattr__(cls, SANDBOX_CLASS_MARK, True)
    return cls


def _cast(typ: Any, value: Any) -> Any:
    return value


def get_origin(tp: Any) -> Any:
    """CPython's `typing.get_origin`: the unsubscripted form (`list`, `typing.Union`, ...) or None.

    Its results are typing forms and classes the sandbox can already name; a sandbox stand-in
    (`TypingForm`) has no origin."""
    return None if isinstance(tp, (TypingForm, CheckedForm)) else sandbox_class(typing.get_origin(tp))


def get_args(tp: Any) -> tuple[Any, ...]:
    """CPython's `typing.get_args`: the subscript arguments (the values the program wrote)."""
    return () if isinstance(tp, (TypingForm, CheckedForm)) else sandbox_class(typing.get_args(tp))


def _new_type(name: str, tp: Any) -> Any:
    def new_type(x: Any) -> Any:
        return x

    new_type.__name__ = new_type.__qualname__ = name
    return new_type


def _overload(func: Any) -> Any:
    return func


def _final(x: Any) -> Any:
    return x


def _assert_never(value: Any) -> Any:
    raise AssertionError(f'Expected code to be unreachable, but got: {value!r}')


def _reveal_type(value: Any) -> Any:
    return value


_FORMS = (
    'Any',
    'Optional',
    'Union',
    'List',
    'Dict',
    'Tuple',
    'Set',
    'FrozenSet',
    'Type',
    'Callable',
    'Iterable',
    'Iterator',
    'Generator',
    'AsyncIterator',
    'AsyncIterable',
    'AsyncGenerator',
    'Awaitable',
    'Coroutine',
    'Sequence',
    'MutableSequence',
    'Mapping',
    'MutableMapping',
    'Collection',
    'Container',
    'Hashable',
    'Sized',
    'Reversible',
    'AbstractSet',
    'MutableSet',
    'DefaultDict',
    'OrderedDict',
    'Counter',
    'Deque',
    'ChainMap',
    'Literal',
    'Annotated',
    'ClassVar',
    'Final',
    'NotRequired',
    'Required',
    'ReadOnly',
    'Self',
    'Never',
    'NoReturn',
    'LiteralString',
    'TypeAlias',
    'TypeGuard',
    'TypeIs',
    'Unpack',
    'ParamSpec',
    'Concatenate',
    'TypeVarTuple',
    'SupportsInt',
    'SupportsFloat',
    'SupportsIndex',
    'SupportsAbs',
    'SupportsRound',
    'SupportsBytes',
    'SupportsComplex',
    'Pattern',
    'Match',
    'IO',
    'TextIO',
    'BinaryIO',
    'AnyStr',
    'Text',
    'ByteString',
)


def _real_form(name: str) -> Any:
    form = getattr(typing, name, None)
    if form is None:
        form = getattr(typing_extensions, name, None)
    return form if form is not None else TypingForm(f'typing.{name}')


_SAMPLE_VAR = typing.TypeVar('_SAMPLE_VAR')


def _register_typing_types() -> None:
    for module in (typing, typing_extensions):
        for value in vars(module).values():
            if isinstance(value, type):
                ALLOWED.setdefault(value, frozenset())
    for name in _FORMS:
        ALLOWED.setdefault(type(_real_form(name)), frozenset())
    # Samples of each kind of typing object (the old spellings are deliberate: they make different types).
    for sample in (
        list[int],
        typing.List[int],  # noqa: UP006
        typing.Optional[int],  # noqa: UP045
        typing.Literal['a'],
        typing.Callable[[int], int],
        typing.Annotated[int, 'x'],
        _SAMPLE_VAR,
        int | None,
    ):
        ALLOWED.setdefault(type(sample), frozenset())
    # `*args: P.args, **kwargs: P.kwargs` in a decorator's signature: both are inert typing objects
    # (their own types allow nothing).
    ALLOWED[typing.ParamSpec] = frozenset({'args', 'kwargs'})


_register_typing_types()
_REAL_FORMS = {name: _real_form(name) for name in _FORMS}

# Forms that take any number of parameters. CPython builds and caches (in a process-wide cache, kept
# after the run) an alias per subscription in host code: `Literal[tuple(range(10**6))]` takes a second
# and 200 MB. The sandbox's forms refuse more parameters than any annotation needs.
MAX_FORM_PARAMETERS = 1024
_VARIADIC = ('Literal', 'Union', 'Tuple', 'Annotated', 'Callable', 'Concatenate', 'Optional')


class CheckedForm:
    """A typing special form whose subscription is limited to `MAX_FORM_PARAMETERS` parameters;
    otherwise the real form (equal to it, same repr)."""

    __slots__ = ('_form',)

    def __init__(self, form: Any) -> None:
        self._form = form

    def __getitem__(self, parameters: Any) -> Any:
        for group in (parameters, *(parameters if type(parameters) is tuple else ())):
            if type(group) in (tuple, list) and len(group) > MAX_FORM_PARAMETERS:
                raise MemoryError(
                    f'{self._form!r}[...] with {len(group)} parameters exceeds the sandbox limit of '
                    f'{MAX_FORM_PARAMETERS} (CPython keeps each alias in a process-wide cache)'
                )
        return self._form[parameters]

    def __or__(self, other: Any) -> Any:
        return self._form | other

    def __ror__(self, other: Any) -> Any:
        return other | self._form

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._form(*args, **kwargs)

    def __eq__(self, other: Any) -> bool:
        return self._form == (other._form if type(other) is CheckedForm else other)

    def __hash__(self) -> int:
        return hash(self._form)

    def __repr__(self) -> str:
        return repr(self._form)


ALLOWED[CheckedForm] = frozenset()
_CHECKED_NAMES = tuple(name for name in _VARIADIC if name in _REAL_FORMS)


def _factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)  # NamedTuple classes meter `_make`'s input through the run
    exports: dict[str, Any] = dict(_REAL_FORMS)
    # Each run its own (a run must not reach an object another run reaches unless it is immutable).
    checked = {name: CheckedForm(_REAL_FORMS[name]) for name in _CHECKED_NAMES}
    exports.update(checked)
    checked_of = {id(form._form): form for form in checked.values()}

    def run_get_origin(tp: Any) -> Any:
        """CPython's `typing.get_origin` (see `get_origin`), giving this run's checked forms."""
        if isinstance(tp, (TypingForm, CheckedForm)):
            return None
        origin = get_origin(tp)
        return checked_of.get(id(origin), origin)  # `get_origin(Literal[1]) is Literal` in the sandbox

    run_get_origin.__name__ = run_get_origin.__qualname__ = 'get_origin'
    exports.update(
        TypedDict=TypingForm('typing.TypedDict', TypedDictBase),
        NamedTuple=TypingForm('typing.NamedTuple', NamedTupleBase),
        Protocol=TypingForm('typing.Protocol', object),
        Generic=TypingForm('typing.Generic', object),
        TYPE_CHECKING=False,
        cast=_cast,
        get_origin=run_get_origin,
        get_args=get_args,
        TypeVar=typing.TypeVar,
        NewType=_new_type,
        overload=_overload,
        final=_final,
        no_type_check=_final,
        runtime_checkable=_final,
        override=_final,
        assert_never=_assert_never,
        assert_type=lambda value, typ: value,
        reveal_type=_reveal_type,
    )
    return exports
