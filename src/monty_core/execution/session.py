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

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, cast

from greenlet import getcurrent

from ..compiler import compile_program
from ..convert import PLAIN_ATOMS
from ..errors import MontySnapshotError, MontySyntaxError
from ..hooks import HOST_FUNCTIONS
from ..limits import Limits, resolve_limits
from ..runtime.output import PrintCallback, Stream
from .encoding import decode_value, encode_value
from .protocol import (
    FUTURE,
    CallEvent,
    DoneEvent,
    ErrorEvent,
    Event,
    Reply,
    Return,
    clip,
    decode_reply,
    describe_event,
    encode_reply,
    same_description,
    show_event,
)
from .run import Execution, HostFunction

# In globals shared by REPL snippets: every host-function handle any snippet created. Each new snippet
# re-points them all at its own run, so a handle kept from an earlier snippet (`f = fetch`, a default
# argument) calls through the current run instead of a finished one. (`_m_` names are reserved.)
HOST_FUNCTIONS_KEY = HOST_FUNCTIONS

# Makes the execution of a session run elsewhere (process/runs.py): `(spec, print_callback) -> runner`.
RemoteFactory = Callable[['RunSpec', PrintCallback], Any]

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
        """The spec as a snapshot document; raises `MontySnapshotError` if a REPL feed's log holds an
        interaction that could not be encoded."""
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
            raise ValueError(f'invalid {what} name {clip(name)}')
    if len(set(value)) != len(value):
        raise ValueError(f'duplicate {what} names')
    return tuple(value)


def limits_from_doc(value: Any) -> Limits:
    """Resource limits read from a snapshot: known keys, each value checked (missing: the default)."""
    if not isinstance(value, dict):
        raise TypeError('limits must be an object')
    return resolve_limits(value)


# -- the log ----------------------------------------------------------------------------------------


def check_log(log: list[dict[str, Any]]) -> None:
    """Raise `MontySnapshotError` if a host interaction in `log` could not be encoded."""
    for entry in log:
        if isinstance(entry, dict) and 'unencodable' in entry:
            raise MontySnapshotError(f'this run cannot be snapshotted: {entry["unencodable"]}')


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
        remote: RemoteFactory | None = None,
    ) -> None:
        if _ORPHANS:
            reap_orphans()
        self.spec = spec
        self.print_callback = print_callback
        self.output = _CountingOutput(print_callback, skip_output)
        # `remote` (the process tier): the run happens in a worker process, which replays the REPL
        # history of `spec` itself; this session logs the interactions as it does for a local run.
        self.remote = remote
        program = compile_program(spec.code, spec.script_name, globals_ is not None or bool(spec.history))
        # (A remote runner quacks like an `Execution` where a session uses one: process/remote.py.)
        self.execution = (
            cast(Execution, remote(spec, self.output))
            if remote is not None
            else Execution(
                program,
                inputs=dict(spec.inputs),
                external_functions=spec.external_functions,
                limits=spec.limits,
                print_callback=self.output,
                globals_=globals_,
            )
        )
        if globals_ is not None:
            handles: list[HostFunction] = globals_.setdefault(HOST_FUNCTIONS_KEY, [])
            for handle in handles:
                handle._execution = self.execution
            handles.extend(v for v in globals_.values() if type(v) is HostFunction and v not in handles)
        # One entry per host interaction: its document form `{'event': ..., 'reply': ...}`, or
        # `(event, reply)` until `entries` encodes it (see `reply`). Read it through `entries`.
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
        """Seconds of sandbox execution so far."""
        return self.execution.meter.elapsed

    @property
    def finished(self) -> bool:
        """Whether the run has ended."""
        return self.execution.finished

    def abandon(self) -> None:
        """Stop a paused run for good (see `Execution.abandon`)."""
        self.execution.abandon()

    def start(self) -> Event:
        """Start the run; returns its first event."""
        return self._advance(self.execution.start())

    def pin(self) -> None:
        """Drive the run synchronously from this thread (see `Execution.pin`)."""
        self.execution.pin()

    def unpin(self) -> None:
        """End `pin` (see `Execution.unpin`)."""
        self.execution.unpin()

    def reply(self, reply: Reply) -> Event:
        """Log the answer to the pending event (plain atoms as they are, the rest in document form), then
        run until the next event."""
        event = self.current
        assert event is not None
        if _ORPHANS:
            reap_orphans()
        if (
            type(event) is CallEvent
            and event.plain
            and ((type(reply) is Return and type(reply.value) in PLAIN_ATOMS) or reply is FUTURE)
        ):
            # Immutable plain atoms both ways (the common case): logged as they are, and encoded only
            # when a dump, a fork or a REPL history needs the document form (`entries`).
            self.log.append((event, reply))
        else:
            try:
                entry: dict[str, Any] = {'event': describe_event(event), 'reply': encode_reply(reply)}
            except MontySnapshotError as e:
                # The run goes on; only snapshots (and forks) from here on are impossible: see `check_log`.
                entry = {'unencodable': f'host interaction {len(self.log) + 1}: {e}'}
            self.log.append(entry)
        return self._advance(self.execution.reply(reply))

    def entries(self, stop: int | None = None) -> list[dict[str, Any]]:
        """The first `stop` logged interactions (all by default) in their document form."""
        log = self.log
        if stop is None:
            stop = len(log)
        for i in range(stop):
            entry = log[i]
            if type(entry) is tuple:  # a lazily logged one: encode it now, once (it is immutable)
                event, reply = entry
                log[i] = {'event': describe_event(event), 'reply': encode_reply(reply)}
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
                raise MontySnapshotError(f'malformed snapshot log entry {i + 1}: {clip(entry)}')
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
                reply = decode_reply(entry['reply'])
            except MontySnapshotError:
                self.execution.abandon()
                raise
            event = self.reply(reply)
        return event

    def can_continue(self, position: int) -> bool:
        """Whether a snapshot at log `position` can resume this live run directly: the run is at that
        position, unfinished, and on the thread that started the session."""
        return (
            len(self.log) == position and not self.execution.finished and threading.get_ident() == self.thread
        )


def new_globals() -> dict[str, Any]:
    """Fresh globals for a run or a REPL: `__name__` is `'__main__'`, as in a script."""
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
    remote: RemoteFactory | None = None,
) -> tuple[Session, Event]:
    """A fresh session replayed up to the end of `log` (the REPL history first, if any).

    Raises `MontySnapshotError` if the log is malformed, the code does not compile, or the replay
    diverges from the log.
    """
    check_log(log)
    if globals_ is None and spec.history and remote is None:
        globals_ = new_globals()
    try:
        for past_spec, past_log in spec.history if remote is None else ():  # (a worker replays them)
            check_log(past_log)
            past = Session(past_spec, None, globals_=globals_, skip_output=1 << 62)
            event = past.replay(past_log, hint=hint)
            if not isinstance(event, (DoneEvent, ErrorEvent)):
                past.execution.abandon()
                raise MontySnapshotError('replay of an earlier REPL snippet did not finish')
        session = Session(spec, print_callback, globals_=globals_, skip_output=output_chars, remote=remote)
    except MontySyntaxError as e:
        raise MontySnapshotError(f'the code in the snapshot does not compile: {e}') from None
    event = session.replay(log, hint=hint)
    session.execution.meter.elapsed = elapsed
    return session, event
