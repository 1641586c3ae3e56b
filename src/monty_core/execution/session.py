"""A run that can pause, be written to bytes and be resumed elsewhere: the verified replay log.

A `Session` wraps one `Execution` and logs every host interaction (the call the sandbox made and the
answer the host gave). A snapshot is a position in that log. Resuming the live session at its head is
a direct greenlet switch; resuming anywhere else (a loaded snapshot, a second resume of the same
snapshot, another thread) replays the log in a fresh execution, answering each host call from the
log and checking that the sandbox makes exactly the logged call — the run must be deterministic.

Output printed before the snapshot point is not printed again on replay.

Everything read from a snapshot document is validated here (`RunSpec.from_doc`, `decode_reply`,
`Session.replay`): a malformed or forged document raises `MontySnapshotError`, never another exception.
"""

from __future__ import annotations

import builtins
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from greenlet import getcurrent

from ..compiler import compile_program
from ..convert import PLAIN_ATOMS
from ..errors import MontySnapshotError, MontySyntaxError
from ..hooks import HOST_FUNCTIONS
from ..limits import Limits, resolve_limits
from ..runtime.errors import make_exception
from ..runtime.output import PrintCallback, Stream
from .encoding import decode_value, encode_value
from .run import CallEvent, DoneEvent, ErrorEvent, Event, Execution, FuturesEvent, HostFunction

# In globals shared by REPL snippets: every host-function handle any snippet created. Each new snippet
# re-points them all at its own run, so a handle kept from an earlier snippet (`f = fetch`, a default
# argument) calls through the current run instead of a finished one. (`_m_` names are reserved.)
HOST_FUNCTIONS_KEY = HOST_FUNCTIONS

# A value of this process's string hash: snapshots record it so that a replay that diverges in a
# process with another hash seed (`PYTHONHASHSEED`) can say so.
STR_HASH_PROBE: int = hash('monty: string hash seed probe')


@dataclass
class RunSpec:
    """Everything needed to start a run again from nothing (all plain data)."""

    code: str
    script_name: str
    input_names: tuple[str, ...]
    external_functions: tuple[str, ...]
    inputs: dict[str, Any]  # already converted to sandbox data
    limits: Limits
    # For a REPL feed: the earlier feeds to replay first, as (spec, log) pairs.
    history: list[tuple[RunSpec, list[dict[str, Any]]]] = field(default_factory=list)

    def to_doc(self) -> dict[str, Any]:
        for _, past_log in self.history:
            check_log(past_log)
        return {
            'code': self.code,
            'script_name': self.script_name,
            'input_names': list(self.input_names),
            'external_functions': list(self.external_functions),
            'inputs': {k: encode_value(v) for k, v in self.inputs.items()},
            'limits': self.limits.as_dict(),
            'history': [[spec.to_doc(), log] for spec, log in self.history],
        }

    @classmethod
    def from_doc(cls, doc: Any) -> RunSpec:
        """Rebuild a spec from a snapshot document, refusing anything a real `RunSpec` cannot hold."""
        try:
            if not isinstance(doc, dict):
                raise TypeError('the run spec must be an object')
            code, script_name = doc['code'], doc['script_name']
            if type(code) is not str or type(script_name) is not str:
                raise TypeError('code and script_name must be strings')
            input_names = _names(doc['input_names'], 'input')
            functions = _names(doc['external_functions'], 'external function')
            if set(input_names) & set(functions):
                raise ValueError('a name is declared both as an input and as an external function')
            raw_inputs = doc['inputs']
            if not isinstance(raw_inputs, dict) or set(raw_inputs) != set(input_names):
                raise ValueError('the inputs do not match the declared input names')
            history = doc.get('history', [])
            if not isinstance(history, list):
                raise TypeError('history must be a list')
            past: list[tuple[RunSpec, list[dict[str, Any]]]] = []
            for item in history:
                if not isinstance(item, list) or len(item) != 2 or not isinstance(item[1], list):
                    raise TypeError('history entries must be [spec, log] pairs')
                past.append((cls.from_doc(item[0]), item[1]))
            return cls(
                code=code,
                script_name=script_name,
                input_names=input_names,
                external_functions=functions,
                inputs={k: decode_value(raw_inputs[k]) for k in input_names},
                limits=limits_from_doc(doc['limits']),
                history=past,
            )
        except MontySnapshotError:
            raise
        except Exception as e:
            raise MontySnapshotError(f'malformed snapshot: {type(e).__name__}: {e}') from None

    def with_limits(self, limits: Limits) -> RunSpec:
        """The same spec (and REPL history) under other resource limits."""
        history = [(spec.with_limits(limits), log) for spec, log in self.history]
        return replace(self, limits=limits, history=history)


def _names(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f'{what} names must be a list')
    for name in value:
        if type(name) is not str or not name.isidentifier() or name.startswith('_'):
            raise ValueError(f'invalid {what} name {_clip(name)}')
    if len(set(value)) != len(value):
        raise ValueError(f'duplicate {what} names')
    return tuple(value)


def limits_from_doc(value: Any) -> Limits:
    """Resource limits read from a snapshot: known keys, each value checked (missing: the default)."""
    if not isinstance(value, dict):
        raise TypeError('limits must be an object')
    return resolve_limits(value)


# -- the log ----------------------------------------------------------------------------------------

_PLAIN_ARG_TYPES = (str, int, float, bool)
_SCALARS = frozenset({int, str, bool, type(None)})

# Exception types a logged host answer may raise in the sandbox: builtin `Exception` subclasses only
# (never `SystemExit`, `KeyboardInterrupt`, `GeneratorExit` or another `BaseException`).
_RAISABLE: frozenset[str] = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception) and not name.startswith('_')
)


def encode_reply(kind: str, payload: Any) -> list[Any]:
    if kind == 'return':
        return ['return', encode_value(payload)]
    if kind == 'raise':
        exc: BaseException = payload
        args = [a for a in exc.args if a is None or type(a) in _PLAIN_ARG_TYPES]
        return ['raise', type(exc).__name__, encode_value(tuple(args))]
    if kind == 'future':
        return ['future']
    if kind == 'futures':
        return ['futures', {str(cid): encode_reply(*r) for cid, r in payload.items()}]
    raise ValueError(kind)


def decode_reply(data: Any) -> tuple[str, Any]:
    """A logged host answer back to `(kind, payload)`; anything malformed is a `MontySnapshotError`."""
    kind = data[0] if isinstance(data, list) and data else None
    try:
        if kind == 'return' and len(data) == 2:
            return 'return', decode_value(data[1])
        if kind == 'raise' and len(data) == 3:
            name, args = data[1], decode_value(data[2])
            if name not in _RAISABLE:
                raise ValueError(f'{_clip(name)} is not an exception a host call can raise')
            if type(args) is not tuple or any(
                a is not None and type(a) not in _PLAIN_ARG_TYPES for a in args
            ):
                raise ValueError('exception arguments must be plain values')
            return 'raise', make_exception(name, *args)
        if kind == 'future' and len(data) == 1:
            return 'future', None
        if kind == 'futures' and len(data) == 2 and isinstance(data[1], dict):
            results: dict[int, tuple[str, Any]] = {}
            for cid, reply in data[1].items():
                decoded = decode_reply(reply)
                if decoded[0] not in ('return', 'raise'):
                    raise ValueError('a future resolves to a value or an exception')
                results[int(cid)] = decoded
            return 'futures', results
    except MontySnapshotError:
        raise
    except Exception as e:
        raise MontySnapshotError(f'malformed snapshot reply: {e}') from None
    raise MontySnapshotError(f'malformed snapshot reply {_clip(data)}')


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


def check_log(log: list[dict[str, Any]]) -> None:
    """Raise `MontySnapshotError` if a host interaction in `log` could not be encoded."""
    for entry in log:
        if isinstance(entry, dict) and 'unencodable' in entry:
            raise MontySnapshotError(f'this run cannot be snapshotted: {entry["unencodable"]}')


def _clip(value: Any, limit: int = 120) -> str:
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
        return f'a call {_clip(f"{desc[1]}({shown})")}'
    if isinstance(desc, list) and len(desc) == 2 and desc[0] == 'futures':
        return f'a wait for host futures {_clip(desc[1])}'
    if isinstance(desc, list) and len(desc) == 2 and desc[0] == 'end':
        return f'the end of the run ({_clip(desc[1])})'
    if desc == ['end']:
        return 'the end of the run'
    return f'an unknown event {_clip(desc)}'


# -- sessions ---------------------------------------------------------------------------------------


class _CountingOutput:
    """Forwards printed text to the user's callback, skipping what was already printed before a
    snapshot, and counts characters so a snapshot knows how much output precedes it."""

    def __init__(self, callback: PrintCallback | None, skip: int) -> None:
        self.callback = callback
        self.skip = skip
        self.count = 0

    def __call__(self, stream: Stream, text: str) -> None:
        self.count += len(text)
        if self.skip:
            if len(text) <= self.skip:
                self.skip -= len(text)
                return
            text, self.skip = text[self.skip :], 0
        if self.callback is None:
            import sys

            (sys.stdout if stream == 'stdout' else sys.stderr).write(text)
        else:
            self.callback(stream, text)


# Paused executions whose session was dropped, by thread: a suspended greenlet is never collected (its
# frames and the sandbox globals form a cycle through the host functions), so each is abandoned at
# the next safe point on its own thread — never from `__del__`, which may run inside another run.
_ORPHANS: dict[int, list[Execution]] = {}


def reap_orphans() -> None:
    """Abandon the paused executions of dropped sessions (call only from host code, between runs)."""
    orphans = _ORPHANS.pop(threading.get_ident(), None)
    if not orphans:
        return
    here = getcurrent()
    for execution in orphans:
        try:
            run = execution._greenlet
            if run is not None:
                run.parent = here  # it must die back into us, whoever drove it last
            execution.abandon()
        except BaseException:  # best effort: a failure only keeps the leak
            pass


class Session:
    """One logged run. Drive with `start()` and `reply()`; `log` grows with every host interaction."""

    def __init__(
        self,
        spec: RunSpec,
        print_callback: PrintCallback | None,
        *,
        globals_: dict[str, Any] | None = None,
        skip_output: int = 0,
    ) -> None:
        if _ORPHANS:
            reap_orphans()
        self.spec = spec
        self.print_callback = print_callback
        self.output = _CountingOutput(print_callback, skip_output)
        program = compile_program(spec.code, spec.script_name, globals_ is not None)
        self.execution = Execution(
            program,
            inputs=dict(spec.inputs),
            external_functions=spec.external_functions,
            limits=spec.limits,
            print_callback=self.output,
            globals_=globals_,
        )
        if globals_ is not None:
            handles: list[HostFunction] = globals_.setdefault(HOST_FUNCTIONS_KEY, [])
            for handle in handles:
                handle._execution = self.execution
            handles.extend(v for v in globals_.values() if type(v) is HostFunction and v not in handles)
        # One entry per host interaction: its document form `{'event': ..., 'reply': ...}`, or
        # `(event, kind, payload)` until `entries` encodes it (see `reply`). Read it through `entries`.
        self.log: list[Any] = []
        self.current: Event | None = None
        self.thread = threading.get_ident()
        self.on_finish: Callable[[Session], None] | None = None

    def __del__(self) -> None:
        execution = getattr(self, 'execution', None)
        if execution is not None and not execution.finished and execution._greenlet:
            _ORPHANS.setdefault(self.thread, []).append(execution)

    @property
    def elapsed(self) -> float:
        return self.execution.meter.elapsed

    @property
    def finished(self) -> bool:
        return self.execution.finished

    def abandon(self) -> None:
        """Stop a paused run for good (see `Execution.abandon`)."""
        self.execution.abandon()

    def start(self) -> Event:
        return self._advance(self.execution.start())

    def reply(self, kind: str, payload: Any = None) -> Event:
        event = self.current
        assert event is not None
        if _ORPHANS:
            reap_orphans()
        if (
            type(event) is CallEvent
            and event.plain
            and ((kind == 'return' and type(payload) in PLAIN_ATOMS) or kind == 'future')
        ):
            # Immutable plain atoms both ways (the common case): logged as they are, and encoded only
            # when a dump, a fork or a REPL history needs the document form (`entries`).
            self.log.append((event, kind, payload))
        else:
            try:
                entry: dict[str, Any] = {'event': describe_event(event), 'reply': encode_reply(kind, payload)}
            except MontySnapshotError as e:
                # The run goes on; only snapshots (and forks) from here on are impossible: see `check_log`.
                entry = {'unencodable': f'host interaction {len(self.log) + 1}: {e}'}
            self.log.append(entry)
        return self._advance(self.execution.reply(kind, payload))

    def entries(self, stop: int | None = None) -> list[dict[str, Any]]:
        """The first `stop` logged interactions (all by default) in their document form."""
        log = self.log
        if stop is None:
            stop = len(log)
        for i in range(stop):
            entry = log[i]
            if type(entry) is tuple:  # a lazily logged one: encode it now, once (it is immutable)
                event, kind, payload = entry
                log[i] = {'event': describe_event(event), 'reply': encode_reply(kind, payload)}
        return log[:stop]

    def _advance(self, event: Event) -> Event:
        self.current = event
        if self.on_finish is not None and isinstance(event, (DoneEvent, ErrorEvent)):
            self.on_finish(self)
        return event

    def replay(self, log: list[Any], *, hint: str = '') -> Event:
        """Start and answer every host interaction from `log`, checking each matches."""
        event = self.start()
        for i, entry in enumerate(log):
            if not isinstance(entry, dict) or set(entry) != {'event', 'reply'}:
                self.execution.abandon()
                raise MontySnapshotError(f'malformed snapshot log entry {i + 1}: {_clip(entry)}')
            expected = entry['event']
            got = describe_event(event)
            if not same_description(got, expected):
                self.execution.abandon()
                raise MontySnapshotError(
                    f'replay diverged at host interaction {i + 1}: the log has {show_event(expected)} but the '
                    f'code made {show_event(got)}; a snapshot resumes only the same code, and that code must be '
                    f'deterministic{hint}'
                )
            try:
                kind, payload = decode_reply(entry['reply'])
            except MontySnapshotError:
                self.execution.abandon()
                raise
            event = self.reply(kind, payload)
        return event

    def can_continue(self, position: int) -> bool:
        return (
            len(self.log) == position and not self.execution.finished and threading.get_ident() == self.thread
        )


def new_globals() -> dict[str, Any]:
    return {'__name__': '__main__', '__doc__': None}


def hash_seed_hint(str_hash: Any) -> str:
    """The hint added to a divergence error when the snapshot comes from a process with another seed."""
    if str_hash is None or str_hash == STR_HASH_PROBE:
        return ''
    return (
        ' (the snapshot was made in a process with another string hash seed, so iterating a set of '
        'strings may have visited them in another order: iterate `sorted(the_set)` instead, or run both '
        'processes with the same PYTHONHASHSEED)'
    )


def restore(
    spec: RunSpec,
    log: list[Any],
    print_callback: PrintCallback | None,
    *,
    output_chars: int,
    elapsed: float,
    globals_: dict[str, Any] | None = None,
    hint: str = '',
) -> tuple[Session, Event]:
    """A fresh session replayed up to the end of `log` (the REPL history first, if any).

    Raises `MontySnapshotError` if the log is malformed, the code does not compile, or the replay
    diverges from the log.
    """
    check_log(log)
    if globals_ is None and spec.history:
        globals_ = new_globals()
    try:
        for past_spec, past_log in spec.history:
            check_log(past_log)
            past = Session(past_spec, None, globals_=globals_, skip_output=1 << 62)
            event = past.replay(past_log, hint=hint)
            if not isinstance(event, (DoneEvent, ErrorEvent)):
                past.execution.abandon()
                raise MontySnapshotError('replay of an earlier REPL snippet did not finish')
        session = Session(spec, print_callback, globals_=globals_, skip_output=output_chars)
    except MontySyntaxError as e:
        raise MontySnapshotError(f'the code in the snapshot does not compile: {e}') from None
    event = session.replay(log, hint=hint)
    session.execution.meter.elapsed = elapsed
    return session, event
