"""A run that can pause, be written to bytes and be resumed elsewhere: the verified replay log.

A `Session` wraps one `Execution` and logs every host interaction (the call the sandbox made and the
answer the host gave). A snapshot is a position in that log. Resuming the live session at its head is
a direct greenlet switch; resuming anywhere else (a loaded snapshot, a second resume of the same
snapshot, another thread) replays the log in a fresh execution, answering each host call from the
log and checking that the sandbox makes exactly the logged call — the run must be deterministic.

Output printed before the snapshot point is not printed again on replay.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..compiler import compile_program
from ..runtime.errors import make_exception
from ..runtime.output import PrintCallback, Stream
from .encoding import MontySnapshotError, decode_value, encode_value
from .run import CallEvent, DoneEvent, ErrorEvent, Event, Execution, FuturesEvent


@dataclass
class RunSpec:
    """Everything needed to start a run again from nothing (all plain data)."""

    code: str
    script_name: str
    input_names: tuple[str, ...]
    external_functions: tuple[str, ...]
    inputs: dict[str, Any]  # already converted to sandbox data
    limits: dict[str, Any]
    # For a REPL feed: the earlier feeds to replay first, as (spec, log) pairs.
    history: list[tuple[RunSpec, list[dict[str, Any]]]] = field(default_factory=list)

    def to_doc(self) -> dict[str, Any]:
        return {
            'code': self.code,
            'script_name': self.script_name,
            'input_names': list(self.input_names),
            'external_functions': list(self.external_functions),
            'inputs': {k: encode_value(v) for k, v in self.inputs.items()},
            'limits': self.limits,
            'history': [[spec.to_doc(), log] for spec, log in self.history],
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> RunSpec:
        try:
            return cls(
                code=str(doc['code']),
                script_name=str(doc['script_name']),
                input_names=tuple(str(n) for n in doc['input_names']),
                external_functions=tuple(str(n) for n in doc['external_functions']),
                inputs={str(k): decode_value(v) for k, v in doc['inputs'].items()},
                limits={str(k): v for k, v in dict(doc['limits']).items()},
                history=[(cls.from_doc(s), list(log)) for s, log in doc.get('history', [])],
            )
        except MontySnapshotError:
            raise
        except Exception as e:
            raise MontySnapshotError(f'malformed snapshot: {type(e).__name__}: {e}') from None


def encode_reply(kind: str, payload: Any) -> list[Any]:
    if kind == 'return':
        return ['return', encode_value(payload)]
    if kind == 'raise':
        exc: BaseException = payload
        args = [a for a in exc.args if a is None or type(a) in (str, int, float, bool)]
        return ['raise', type(exc).__name__, encode_value(tuple(args))]
    if kind == 'future':
        return ['future']
    if kind == 'futures':
        return ['futures', {str(cid): encode_reply(*r) for cid, r in payload.items()}]
    raise ValueError(kind)


def decode_reply(data: Any) -> tuple[str, Any]:
    try:
        kind = data[0]
        if kind == 'return':
            return 'return', decode_value(data[1])
        if kind == 'raise':
            return 'raise', make_exception(str(data[1]), *decode_value(data[2]))
        if kind == 'future':
            return 'future', None
        if kind == 'futures':
            return 'futures', {int(cid): decode_reply(r) for cid, r in data[1].items()}
    except MontySnapshotError:
        raise
    except Exception as e:
        raise MontySnapshotError(f'malformed snapshot reply: {e}') from None
    raise MontySnapshotError(f'malformed snapshot reply kind {kind!r}')


def describe_event(event: Event) -> Any:
    if isinstance(event, CallEvent):
        return ['call', event.function_name, encode_value(event.args), encode_value(event.kwargs)]
    if isinstance(event, FuturesEvent):
        return ['futures', list(event.call_ids)]
    return ['end']


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
        self.spec = spec
        self.print_callback = print_callback
        self.output = _CountingOutput(print_callback, skip_output)
        program = compile_program(spec.code, spec.script_name)
        self.execution = Execution(
            program,
            inputs=dict(spec.inputs),
            external_functions=spec.external_functions,
            limits=spec.limits,
            print_callback=self.output,
            globals_=globals_,
        )
        self.log: list[dict[str, Any]] = []
        self.current: Event | None = None
        self.thread = threading.get_ident()
        self.on_finish: Callable[[Session], None] | None = None

    @property
    def elapsed(self) -> float:
        return self.execution.meter.elapsed

    def start(self) -> Event:
        return self._advance(self.execution.start())

    def reply(self, kind: str, payload: Any = None) -> Event:
        assert self.current is not None
        entry = {'event': describe_event(self.current), 'reply': encode_reply(kind, payload)}
        self.log.append(entry)
        return self._advance(self.execution.reply(kind, payload))

    def _advance(self, event: Event) -> Event:
        self.current = event
        if isinstance(event, (DoneEvent, ErrorEvent)) and self.on_finish is not None:
            self.on_finish(self)
        return event

    def replay(self, log: list[dict[str, Any]]) -> Event:
        """Start and answer every host interaction from `log`, checking each matches."""
        event = self.start()
        for i, entry in enumerate(log):
            if not isinstance(entry, dict):
                raise MontySnapshotError('malformed snapshot log entry')
            expected = entry.get('event')
            got = describe_event(event)
            if got != expected:
                self.execution.abandon()
                raise MontySnapshotError(
                    f'replay diverged at host interaction {i + 1}: the log has {_show(expected)} but the '
                    f'code made {_show(got)} (is the code deterministic, and the same code?)'
                )
            kind, payload = decode_reply(entry.get('reply'))
            event = self.reply(kind, payload)
        return event

    def can_continue(self, position: int) -> bool:
        return (
            len(self.log) == position and not self.execution.finished and threading.get_ident() == self.thread
        )


def new_globals() -> dict[str, Any]:
    return {'__name__': '__main__', '__doc__': None}


def _show(desc: Any) -> str:
    if isinstance(desc, list) and desc and desc[0] == 'call':
        return f'a call to {desc[1]}()'
    if isinstance(desc, list) and desc and desc[0] == 'futures':
        return f'a wait for host futures {desc[1]}'
    return 'the end of the run'


def restore(
    spec: RunSpec,
    log: list[dict[str, Any]],
    print_callback: PrintCallback | None,
    *,
    output_chars: int,
    elapsed: float,
    globals_: dict[str, Any] | None = None,
) -> tuple[Session, Event]:
    """A fresh session replayed up to the end of `log` (the REPL history first, if any)."""
    if globals_ is None and spec.history:
        globals_ = new_globals()
    for past_spec, past_log in spec.history:
        past = Session(past_spec, None, globals_=globals_, skip_output=1 << 62)
        event = past.replay(past_log)
        if not isinstance(event, (DoneEvent, ErrorEvent)):
            raise MontySnapshotError('replay of an earlier REPL snippet did not finish')
    session = Session(spec, print_callback, globals_=globals_, skip_output=output_chars)
    event = session.replay(log)
    session.execution.meter.elapsed = elapsed
    return session, event
