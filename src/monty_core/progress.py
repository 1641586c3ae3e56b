"""Progress of a paused run: `MontySnapshot` (a host call), `MontyFutureSnapshot` (pending host
futures) and `MontyComplete` (finished). Each snapshot can be resumed, dumped to bytes and loaded.

```python
import monty_core

m = monty_core.Monty('fetch(url)', inputs=['url'], external_functions=['fetch'])
snap = m.start(inputs={'url': 'https://example.com'})
assert snap.function_name == 'fetch' and snap.args == ('https://example.com',)
assert snap.resume(return_value='hi').output == 'hi'
```
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import EllipsisType
from typing import Any, ClassVar, Generic, TypeVar

from .convert import PLAIN_ATOMS
from .errors import MontyError, MontySnapshotError
from .execution.driver import finish, host_exception, returned
from .execution.encoding import pack, unpack
from .execution.protocol import (
    FUTURE,
    CallEvent,
    DoneEvent,
    ErrorEvent,
    Event,
    FuturesEvent,
    Raise,
    Reply,
    Resolve,
    Return,
    describe_event,
    same_description,
    show_event,
)
from .execution.session import STR_HASH_PROBE, RunSpec, Session, check_log, hash_seed_hint, restore
from .limits import resolve_limits
from .process.pool import ProcessPool
from .process.runs import remote_for
from .runtime.output import PrintCallback

__all__ = ['MontyComplete', 'MontyFutureSnapshot', 'MontySnapshot', 'Progress']

_UNSET: Any = object()


class MontyComplete:
    """A finished run: `.output` is the value of the last expression statement (None otherwise)."""

    __slots__ = ('output',)

    def __init__(self, output: Any) -> None:
        self.output = output

    def __repr__(self) -> str:
        return f'MontyComplete(output={self.output!r})'


Progress = 'MontySnapshot | MontyFutureSnapshot | MontyComplete'


def _exception(exception: BaseException) -> Raise:
    if not isinstance(exception, BaseException):
        raise TypeError(f'exception must be an exception instance, not {type(exception).__name__}')
    return host_exception(exception)


_E = TypeVar('_E', CallEvent, FuturesEvent)


class _Paused(Generic[_E]):
    """Shared machinery of the two snapshot kinds (`_E`: the event paused at)."""

    __slots__ = ('__weakref__', '_elapsed', '_event', '_output_chars', '_position', '_session')

    _kind: ClassVar[str]

    def __init__(self, session: Session, position: int, event: _E) -> None:
        self._session = session
        self._position = position
        self._event = event
        self._output_chars = session.output.count
        self._elapsed = session.execution.meter.elapsed

    @property
    def script_name(self) -> str:
        return self._session.spec.script_name

    def _fork(self, print_callback: PrintCallback | None) -> Session:
        """A fresh session replayed from the log up to this point."""
        session = self._session
        fork, event = restore(
            session.spec,
            session.entries(self._position),
            print_callback if print_callback is not None else session.print_callback,
            output_chars=self._output_chars,
            elapsed=self._elapsed,
            remote=session.remote,
        )
        expected = describe_event(self._event)
        if not same_description(describe_event(event), expected):
            fork.execution.abandon()
            raise MontySnapshotError(
                f'replay did not reach the same pause point: expected {show_event(expected)}, the code made '
                f'{show_event(describe_event(event))}'
            )
        return fork

    def close(self) -> None:
        """Stop the paused run for good: its frames unwind without running more sandbox code.

        A dropped snapshot is cleaned up eventually; `close()` does it now. A closed snapshot can
        still be dumped, and a dump (or a second resume) replays into an independent run.
        """
        session = self._session
        if session.can_continue(self._position):
            session.execution.abandon()

    def _continue(self, reply: Reply) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
        session = self._session
        if not session.can_continue(self._position):
            session = self._fork(None)
        return advance(session, session.reply(reply))

    def dump(self) -> bytes:
        """The paused run as bytes (source, inputs, limits and the log of host answers so far)."""
        spec = self._session.spec
        log = self._session.entries(self._position)
        check_log(log)
        return pack(
            {
                'kind': self._kind,
                'spec': spec.to_doc(),
                'log': log,
                'pending': describe_event(self._event),
                'output_chars': self._output_chars,
                'elapsed': self._elapsed,
                'str_hash': STR_HASH_PROBE,
            }
        )

    @classmethod
    def _load(
        cls,
        data: bytes,
        print_callback: PrintCallback | None,
        limits: Mapping[str, Any] | None,
        isolation: str | ProcessPool | None = None,
    ) -> Any:
        doc = unpack(data, cls._kind)
        try:
            spec = RunSpec.from_doc(doc['spec'])
            log, pending = doc['log'], doc['pending']
            output_chars, elapsed = doc['output_chars'], doc['elapsed']
            if not isinstance(log, list):
                raise TypeError('the log must be a list')
            if type(output_chars) is not int or output_chars < 0:
                raise ValueError(f'invalid output_chars {output_chars!r}')
            if type(elapsed) not in (int, float) or not (0 <= elapsed < math.inf):
                raise ValueError(f'invalid elapsed {elapsed!r}')
        except MontySnapshotError:
            raise
        except Exception as e:
            raise MontySnapshotError(f'malformed snapshot: {type(e).__name__}: {e}') from None
        if limits is not None:
            spec = spec.with_limits(resolve_limits(limits))
        hint = hash_seed_hint(doc.get('str_hash'))
        try:
            session, event = restore(
                spec, log, print_callback, output_chars=output_chars, elapsed=float(elapsed), hint=hint,
                remote=remote_for(isolation),
            )  # fmt: skip
        except MontyError:
            raise
        except Exception as e:
            raise MontySnapshotError(f'snapshot could not be restored: {type(e).__name__}: {e}') from None
        expected = CallEvent if cls is MontySnapshot else FuturesEvent
        if isinstance(event, expected) and not same_description(describe_event(event), pending):
            # The log matched, but the pause point is another call than the one the host was shown.
            session.execution.abandon()
            raise MontySnapshotError(
                f'replay diverged at the pause point: the snapshot was paused at {show_event(pending)} but the '
                f'code made {show_event(describe_event(event))}; a snapshot resumes only the same code, and '
                f'that code must be deterministic{hint}'
            )
        if not isinstance(event, expected):
            session.execution.abandon()
            if isinstance(event, ErrorEvent):
                ended = f'the run ended with {event.error.display("type-msg")}'
            elif isinstance(event, DoneEvent):
                ended = 'the run finished'
            else:
                ended = f'it reached {type(event).__name__}'
            raise MontySnapshotError(
                f'snapshot did not replay to a {cls.__name__}: after its {len(log)} logged host '
                f'interaction(s), {ended}{hint}'
            )
        return advance(session, event)


class MontySnapshot(_Paused[CallEvent]):
    """A run paused at a call to a host function.

    Resume with exactly one of `return_value=` (the call returns it), `exception=` (raised at the
    call site in the sandbox) or `future=...` (the call returns an awaitable resolved later through a
    `MontyFutureSnapshot`).
    """

    __slots__ = ()
    _kind = 'monty-snapshot'

    @property
    def function_name(self) -> str:
        """Name of the host function called."""
        return self._event.function_name

    @property
    def args(self) -> tuple[Any, ...]:
        """Positional arguments (plain host values)."""
        return self._event.args

    @property
    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments (plain host values)."""
        return dict(self._event.kwargs)

    @property
    def call_id(self) -> int:
        """Identifier of this call, unique within the run (used by `MontyFutureSnapshot`)."""
        return self._event.call_id

    def resume(
        self,
        *,
        return_value: Any = _UNSET,
        exception: BaseException | None = None,
        future: EllipsisType | None = None,
    ) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
        """Continue the run with the host call's outcome; returns the next progress.

        Raises:
            MontyRuntimeError: the code then fails with an exception it does not handle.
            TypeError: not exactly one of `return_value`, `exception`, `future` was given.
        """
        if exception is None and future is None and type(return_value) in PLAIN_ATOMS:
            return self._continue(Return(return_value))  # the common case (`_UNSET` is no atom)
        given = (return_value is not _UNSET) + (exception is not None) + (future is not None)
        if given != 1:
            raise TypeError('resume() takes exactly one of return_value=, exception= or future=...')
        if exception is not None:
            return self._continue(_exception(exception))
        if future is not None:
            return self._continue(FUTURE)
        return self._continue(returned(return_value, f'return value of {self.function_name}()'))

    @classmethod
    def load(
        cls,
        data: bytes,
        *,
        print_callback: PrintCallback | None = None,
        limits: Mapping[str, Any] | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> MontySnapshot:
        """Restore a snapshot made by `dump()` (in any process) by replaying its log.

        Args:
            data: the bytes from `dump()`.
            print_callback: receives the output printed after the snapshot point.
            limits: resource limits to apply instead of those stored in the snapshot (use it for
                snapshots from untrusted storage: the stored limits are whatever the bytes say).
            isolation: where the replay and the rest of the run happen, as for `Monty.run`.

        Raises:
            MontySnapshotError: the bytes are not a valid snapshot of this kind, or the replay diverged.
        """
        return cls._load(data, print_callback, limits, isolation)

    def __repr__(self) -> str:
        return (
            f'MontySnapshot(function_name={self.function_name!r}, args={self.args!r}, call_id={self.call_id})'
        )


class MontyFutureSnapshot(_Paused[FuturesEvent]):
    """A run where every sandbox task waits on host calls answered with `future`.

    `pending_call_ids` lists them; `resume({call_id: {'return_value': v} | {'exception': e}, ...})`
    resolves any subset, in any order.
    """

    __slots__ = ()
    _kind = 'monty-future-snapshot'

    @property
    def pending_call_ids(self) -> list[int]:
        """Call ids of the host calls the run is waiting for."""
        return list(self._event.call_ids)

    def resume(
        self, results: Mapping[int, Mapping[str, Any]]
    ) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
        """Resolve some pending calls: each value is `{'return_value': v}` or `{'exception': exc}`."""
        pending = set(self._event.call_ids)
        replies: dict[int, Return | Raise] = {}
        for call_id, result in results.items():
            if call_id not in pending:
                raise ValueError(f'call id {call_id} is not pending (pending: {sorted(pending)})')
            if not isinstance(result, Mapping) or len(result) != 1:
                raise TypeError("each result must be {'return_value': value} or {'exception': exc}")
            if 'return_value' in result:
                replies[call_id] = returned(result['return_value'], f'result of call {call_id}')
            elif 'exception' in result:
                replies[call_id] = _exception(result['exception'])
            else:
                raise TypeError("each result must be {'return_value': value} or {'exception': exc}")
        if not replies:
            raise ValueError('resume() needs at least one result')
        return self._continue(Resolve(replies))

    @classmethod
    def load(
        cls,
        data: bytes,
        *,
        print_callback: PrintCallback | None = None,
        limits: Mapping[str, Any] | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> MontyFutureSnapshot:
        """Restore a snapshot made by `dump()`; the arguments are those of `MontySnapshot.load`."""
        return cls._load(data, print_callback, limits, isolation)

    def __repr__(self) -> str:
        return f'MontyFutureSnapshot(pending_call_ids={self.pending_call_ids!r})'


def advance(session: Session, event: Event) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
    """Turn the session's latest event into the public progress object (raising on errors)."""
    if type(event) is CallEvent:
        return MontySnapshot(session, len(session.log), event)
    if type(event) is FuturesEvent:
        return MontyFutureSnapshot(session, len(session.log), event)
    ended: list[Event | None] = [event]
    del event
    return MontyComplete(finish(ended))
