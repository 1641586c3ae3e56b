"""`MontyRepl`: a sandbox session whose globals, functions and classes persist across snippets.

```python
import monty_core

repl = monty_core.MontyRepl()
repl.feed_run('def double(x):\\n    return 2 * x')
assert repl.feed_run('double(21)') == 42
restored = monty_core.MontyRepl.load(repl.dump())
assert restored.feed_run('double(2)') == 4
```

A failing snippet raises `MontyRuntimeError` and leaves the REPL usable: whatever earlier snippets
defined is still there (as in Python's own REPL, assignments the failing snippet made before it failed
are kept). `dump()` stores every snippet and its host answers; `load()` replays them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from .arguments import given_functions, given_inputs
from .compiler import compile_program
from .convert import to_sandbox
from .errors import MontySnapshotError
from .execution.driver import drive_sync
from .execution.encoding import pack, unpack
from .execution.protocol import DoneEvent, ErrorEvent
from .execution.session import RunSpec, Session, check_log, limits_from_doc, new_globals, restore
from .limits import Limits, ResourceLimits, resolve_limits
from .process.pool import ProcessPool
from .process.runs import remote_factory, resolve_isolation
from .progress import MontyComplete, MontyFutureSnapshot, MontySnapshot, advance
from .runtime.output import PrintCallback

__all__ = ['MontyRepl']


class MontyRepl:
    """An incremental sandbox: each `feed_run` / `feed_start` runs one snippet against shared globals.

    Args:
        script_name: the file name shown in errors and tracebacks.
        limits: resource limits applied to each snippet (see `ResourceLimits`).
        type_check: type-check each snippet with ty (against the stubs and earlier snippets).
        type_check_stubs: stubs declaring inputs and host functions for the type checker.
        isolation: as for `Monty.run` (`'process'`: every snippet runs in a confined worker).
    """

    def __init__(
        self,
        *,
        script_name: str = 'main.py',
        limits: ResourceLimits | Limits | Mapping[str, Any] | None = None,
        type_check: bool = False,
        type_check_stubs: str | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> None:
        self.script_name = script_name
        pool = resolve_isolation(isolation)
        # The process tier: each snippet runs in a worker that first replays the earlier snippets.
        self._remote = None if pool is None else remote_factory(pool)
        self._limits: Limits = resolve_limits(limits)
        self.type_check = type_check
        self.type_check_stubs = type_check_stubs
        self._globals: dict[str, Any] = new_globals()
        self._history: list[tuple[RunSpec, list[dict[str, Any]]]] = []

    def __repr__(self) -> str:
        return f'MontyRepl(script_name={self.script_name!r}, snippets={len(self._history)})'

    def _spec(self, code: str, inputs: Mapping[str, Any] | None, functions: Iterable[str]) -> RunSpec:
        names = tuple(functions)
        given = given_inputs(inputs)
        if self.type_check:
            from .typecheck import check_or_raise

            check_or_raise(
                code,
                stubs=self.type_check_stubs,
                script_name=self.script_name,
                inputs=tuple(given),
                external_functions=names,
                previous=[spec.code for spec, _ in self._history],
            )
        compile_program(code, self.script_name, True)  # syntax errors before anything runs
        return RunSpec(
            code=code,
            script_name=self.script_name,
            input_names=tuple(given),
            external_functions=names,
            inputs={k: to_sandbox(v, f'input {k!r}') for k, v in given.items()},
            limits=self._limits,
            history=list(self._history),
        )

    @property
    def limits(self) -> ResourceLimits:
        """The resolved resource limits each snippet runs under."""
        return cast(ResourceLimits, self._limits.as_dict())

    def _session(self, spec: RunSpec, print_callback: PrintCallback | None) -> Session:
        if self._remote is not None:
            session = Session(spec, print_callback, remote=self._remote)
        else:
            session = Session(spec, print_callback, globals_=self._globals)
        session.on_finish = self._record
        return session

    def _record(self, session: Session) -> None:
        spec = session.spec
        self._history.append((dataclasses.replace(spec, history=[]), session.entries()))

    def feed_run(
        self,
        code: str,
        *,
        inputs: Mapping[str, Any] | None = None,
        external_functions: Mapping[str, Callable[..., Any]] | None = None,
        print_callback: PrintCallback | None = None,
    ) -> Any:
        """Run a snippet to completion and return the value of its last expression statement."""
        functions = given_functions(external_functions)
        session = self._session(self._spec(code, inputs, functions), print_callback)
        return drive_sync(session, functions)

    def feed_start(
        self,
        code: str,
        *,
        inputs: Mapping[str, Any] | None = None,
        external_functions: Iterable[str] = (),
        print_callback: PrintCallback | None = None,
    ) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
        """Start a snippet that pauses at host calls (`external_functions` are names here)."""
        session = self._session(self._spec(code, inputs, external_functions), print_callback)
        return advance(session, session.start())

    def dump(self) -> bytes:
        """Every snippet run so far, with its host answers, as bytes."""
        for _, log in self._history:
            check_log(log)
        return pack(
            {
                'kind': 'monty-repl',
                'script_name': self.script_name,
                'limits': self._limits.as_dict(),
                'type_check': self.type_check,
                'type_check_stubs': self.type_check_stubs,
                'history': [[spec.to_doc(), log] for spec, log in self._history],
            }
        )

    @classmethod
    def load(
        cls,
        data: bytes,
        *,
        print_callback: PrintCallback | None = None,
        limits: ResourceLimits | Limits | Mapping[str, Any] | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> MontyRepl:
        """Restore a REPL from `dump()` by replaying its snippets (their output is not printed again).

        `limits`, if given, replaces the limits stored in the dump (for snippets replayed and to come).
        `print_callback` is accepted for symmetry with the snapshot loaders; nothing is printed on load.
        `isolation` is as for `MontyRepl(...)`: on the process tier the replay happens in a worker.

        Raises:
            MontySnapshotError: the bytes are not a valid REPL dump, or a snippet's replay diverged.
        """
        doc = unpack(data, 'monty-repl')
        try:
            script_name, stubs, type_check = (
                doc['script_name'],
                doc.get('type_check_stubs'),
                doc.get('type_check', False),
            )
            if type(script_name) is not str or type(type_check) is not bool:
                raise TypeError('script_name must be a string and type_check a bool')
            if stubs is not None and type(stubs) is not str:
                raise TypeError('type_check_stubs must be a string')
            stored = limits_from_doc(doc['limits'])
            repl = cls(
                script_name=script_name,
                limits=stored if limits is None else limits,
                type_check=type_check,
                type_check_stubs=stubs,
                isolation=isolation,
            )
            raw_history = doc['history']
            if not isinstance(raw_history, list):
                raise TypeError('history must be a list')
            history: list[tuple[RunSpec, list[Any]]] = []
            for item in raw_history:
                if not isinstance(item, list) or len(item) != 2 or not isinstance(item[1], list):
                    raise TypeError('history entries must be [spec, log] pairs')
                spec = RunSpec.from_doc(item[0])
                history.append((spec if limits is None else spec.with_limits(repl._limits), item[1]))
        except MontySnapshotError:
            raise
        except Exception as e:
            raise MontySnapshotError(f'malformed REPL snapshot: {type(e).__name__}: {e}') from None
        if repl._remote is not None and history:
            # One worker replays the earlier snippets, then the last one against the log.
            last, log = history[-1]
            replayed = [(spec, log) for spec, log in history[:-1]]
            session, event = restore(
                dataclasses.replace(last, history=replayed), log, None, output_chars=1 << 62, elapsed=0.0,
                remote=repl._remote,
            )  # fmt: skip
            if isinstance(event, ErrorEvent) and isinstance(event.error, MontySnapshotError):
                raise event.error  # (the worker's replay of the earlier snippets diverged)
            if not isinstance(event, (DoneEvent, ErrorEvent)):
                session.abandon()
                raise MontySnapshotError('a REPL snippet did not finish on replay')
            repl._history.extend(history)
            return repl
        for spec, log in history:
            _, event = restore(spec, log, None, output_chars=1 << 62, elapsed=0.0, globals_=repl._globals)
            if not isinstance(event, (DoneEvent, ErrorEvent)):
                raise MontySnapshotError('a REPL snippet did not finish on replay')
            repl._history.append((spec, log))
        return repl
