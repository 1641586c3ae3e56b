"""The host-call protocol: what a paused run tells the host (events) and what the host answers (replies).

A run alternates between sandbox code and the host. Each time it pauses it hands the host one
*event*; the host answers with one *reply*, and the run goes on until the next event:

| event            | meaning                                            | replies the run accepts              |
|------------------|----------------------------------------------------|--------------------------------------|
| `CallEvent`      | the code called host function `function_name`     | `Return`, `Raise`, `FUTURE`          |
| `FuturesEvent`   | every sandbox task waits on these host futures     | `Resolve` (some of them, any order)  |
| `YieldEvent`     | the code computed a while: the host may run its loop | `CONTINUE`                         |
| `DoneEvent`      | the run finished with `value`                       | (none: the run is over)             |
| `ErrorEvent`     | the run failed with `error`                        | (none: the run is over)              |

Every event and reply is a frozen, slotted dataclass of plain data: values are the plain host values
of `convert.py` (the sandbox never hands the host one of its own objects), errors are exception
instances, which `encode_reply` turns into a type name and plain arguments. The replay log of a
snapshot stores replies in that encoded form (`encode_reply`/`decode_reply`) and events in their
described form (`describe_event`); a worker process sends the same forms over its pipe.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any, Final

from ..errors import MontyConversionError, MontyRuntimeError, MontySnapshotError
from ..runtime.errors import make_exception
from .encoding import decode_value, encode_value

__all__ = [
    'CONTINUE',
    'FUTURE',
    'CallEvent',
    'Continue',
    'DoneEvent',
    'ErrorEvent',
    'Event',
    'Future',
    'FuturesEvent',
    'Raise',
    'Reply',
    'Resolve',
    'Return',
    'YieldEvent',
    'decode_reply',
    'describe_event',
    'encode_reply',
    'same_description',
    'show_event',
]


# -- events: the run to the host --------------------------------------------------------------------
@dataclass(slots=True, eq=False)
class CallEvent:
    """The sandbox called a host function; `args`/`kwargs` are plain host values.

    `plain` is true when the call has no keyword arguments and every positional argument is an
    immutable plain atom (`convert.PLAIN_ATOMS`, exact types): such a call can be logged lazily.

    Not `frozen` (treat it as immutable all the same): one is made per host call, and a frozen
    dataclass sets each field through `object.__setattr__`, which made a host call 0.4 us slower.
    """

    call_id: int
    function_name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    plain: bool = False

    def __eq__(self, other: object) -> bool:
        # `plain` is how the call is logged, not what it is.
        return type(other) is CallEvent and (
            self.call_id,
            self.function_name,
            self.args,
            self.kwargs,
        ) == (other.call_id, other.function_name, other.args, other.kwargs)

    __hash__ = None  # type: ignore[assignment]  # (kwargs is a dict)


@dataclass(frozen=True, slots=True)
class FuturesEvent:
    """Every sandbox task waits on host calls that were answered with `FUTURE`."""

    call_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class YieldEvent:
    """The sandbox hands control back so an async host can run its event loop (answer `CONTINUE`)."""


@dataclass(frozen=True, slots=True)
class DoneEvent:
    """The run finished; `value` is its result as a plain host value."""

    value: Any


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """The run failed. `host_error` is set when the failure is the host's own (a print callback
    raised): the driver re-raises that instead of `error`."""

    error: MontyRuntimeError | MontyConversionError
    host_error: BaseException | None = None


Event = CallEvent | FuturesEvent | YieldEvent | DoneEvent | ErrorEvent


# -- replies: the host to the run -------------------------------------------------------------------
@dataclass(slots=True)
class Return:
    """The host call returns `value` (already sandbox data: see `driver.returned`).

    Not `frozen`, for the reason given at `CallEvent`; treat it as immutable."""

    value: Any


@dataclass(frozen=True, slots=True)
class Raise:
    """The host call raises `error` at the call site in the sandbox (a fresh exception: see
    `driver.host_exception`)."""

    error: BaseException


@dataclass(frozen=True, slots=True)
class Future:
    """The host call returns an awaitable, resolved later by a `Resolve` reply to a `FuturesEvent`."""


@dataclass(frozen=True, slots=True)
class Resolve:
    """Results of some of the pending host futures, by call id."""

    results: dict[int, Return | Raise]


@dataclass(frozen=True, slots=True)
class Continue:
    """Go on computing (the answer to a `YieldEvent`)."""


FUTURE: Final = Future()
CONTINUE: Final = Continue()

Reply = Return | Raise | Future | Resolve | Continue


# -- plain-data forms: the replay log (and a worker's pipe) ------------------------------------------
_PLAIN_ARG_TYPES = (str, int, float, bool)
_SCALARS = frozenset({int, str, bool, type(None)})

# Exception types a logged host answer may raise in the sandbox: builtin `Exception` subclasses only
# (never `SystemExit`, `KeyboardInterrupt`, `GeneratorExit` or another `BaseException`).
_RAISABLE: frozenset[str] = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception) and not name.startswith('_')
)


def encode_reply(reply: Reply) -> list[Any]:
    """A reply as JSON-like data: `['return', value]`, `['raise', type name, args]`, `['future']`,
    `['futures', {call id: reply}]`. Raises `MontySnapshotError` for a value that cannot be encoded."""
    if isinstance(reply, Return):
        return ['return', encode_value(reply.value)]
    if isinstance(reply, Raise):
        exc = reply.error
        args = [a for a in exc.args if a is None or type(a) in _PLAIN_ARG_TYPES]
        return ['raise', type(exc).__name__, encode_value(tuple(args))]
    if isinstance(reply, Future):
        return ['future']
    if isinstance(reply, Resolve):
        return ['futures', {str(cid): encode_reply(r) for cid, r in reply.results.items()}]
    raise ValueError(f'{reply!r} is not logged')


def decode_reply(data: Any) -> Reply:
    """A logged reply back to a `Reply`; anything malformed is a `MontySnapshotError`."""
    kind = data[0] if isinstance(data, list) and data else None
    try:
        if kind == 'return' and len(data) == 2:
            return Return(decode_value(data[1]))
        if kind == 'raise' and len(data) == 3:
            name, args = data[1], decode_value(data[2])
            if name not in _RAISABLE:
                raise ValueError(f'{clip(name)} is not an exception a host call can raise')
            if type(args) is not tuple or any(
                a is not None and type(a) not in _PLAIN_ARG_TYPES for a in args
            ):
                raise ValueError('exception arguments must be plain values')
            return Raise(make_exception(name, *args))
        if kind == 'future' and len(data) == 1:
            return FUTURE
        if kind == 'futures' and len(data) == 2 and isinstance(data[1], dict):
            results: dict[int, Return | Raise] = {}
            for cid, item in data[1].items():
                decoded = decode_reply(item)
                if not isinstance(decoded, (Return, Raise)):
                    raise ValueError('a future resolves to a value or an exception')
                results[int(cid)] = decoded
            return Resolve(results)
    except MontySnapshotError:
        raise
    except Exception as e:
        raise MontySnapshotError(f'malformed snapshot reply: {e}') from None
    raise MontySnapshotError(f'malformed snapshot reply {clip(data)}')


def describe_event(event: Event) -> Any:
    """The logged form of an event, compared with the log on replay."""
    if type(event) is CallEvent:
        args, kwargs = event.args, event.kwargs
        if not kwargs and _SCALARS.issuperset(map(type, args)):  # the common case, without recursion
            return ['call', event.function_name, {'t': list(args)}, {'d': []}]
        return ['call', event.function_name, encode_value(args), encode_value(kwargs)]
    if isinstance(event, FuturesEvent):
        return ['futures', list(event.call_ids)]
    if isinstance(event, ErrorEvent):
        return ['end', event.error.display('type-msg')]
    return ['end']


def same_description(a: Any, b: Any) -> bool:
    """Equality of logged forms that also tells `True` from `1` (`==` alone does not).

    Logged forms are lists, single-key dicts and JSON scalars (floats are tagged hex strings), so equal
    forms have equal reprs exactly when no bool stands where an int was.
    """
    return bool(a == b) and repr(a) == repr(b)


def clip(value: Any, limit: int = 120) -> str:
    """`value` (its repr unless a str) cut to `limit` characters, for error messages."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + '...'


def show_event(desc: Any) -> str:
    """A logged event in words, for error messages."""
    if isinstance(desc, list) and len(desc) == 4 and desc[0] == 'call':
        try:
            args, kwargs = decode_value(desc[2]), decode_value(desc[3])
            shown = ', '.join([*map(repr, args), *(f'{k}={v!r}' for k, v in kwargs.items())])
        except Exception:
            shown = '...'
        return f'a call {clip(f"{desc[1]}({shown})")}'
    if isinstance(desc, list) and len(desc) == 2 and desc[0] == 'futures':
        return f'a wait for host futures {clip(desc[1])}'
    if isinstance(desc, list) and len(desc) == 2 and desc[0] == 'end':
        return f'the end of the run ({clip(desc[1])})'
    if desc == ['end']:
        return 'the end of the run'
    return f'an unknown event {clip(desc)}'
