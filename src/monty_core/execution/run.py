"""One run of a program on its own greenlet.

The host drives an `Execution` with `start()` and `reply(...)`; each returns the next `Event`:
a host call (`CallEvent`), a set of pending host futures (`FuturesEvent`), or the end (`DoneEvent`,
`ErrorEvent`). Sandbox code runs only between those two calls, on the greenlet, under the meter; the
host side only ever sees plain data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from greenlet import greenlet

from ..compiler import Program
from ..convert import PLAIN_ATOMS, to_host
from ..errors import MontyConversionError, MontyRuntimeError
from ..runtime.allowlists import ALLOWED
from ..runtime.builtins import make_builtins
from ..runtime.errors import to_runtime_error
from ..runtime.guards import SANDBOX_GLOBALS_MARK
from ..runtime.limits import reserve
from ..runtime.meter import DEFAULT_MAX_RECURSION_DEPTH, Meter
from ..runtime.modules import Importer, RunContext
from ..runtime.output import Output, PrintCallback, SandboxStream, make_print
from ..runtime.stable import IDENTITIES_NAME, Identities
from .scheduler import HostFuture, Loop


class CallEvent:
    """The sandbox called a host function (a plain slots class: one is made per host call)."""

    __slots__ = ('args', 'call_id', 'function_name', 'kwargs')

    def __init__(
        self, call_id: int, function_name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        self.call_id = call_id
        self.function_name = function_name
        self.args = args
        self.kwargs = kwargs

    def __repr__(self) -> str:
        return f'CallEvent(call_id={self.call_id}, function_name={self.function_name!r}, args={self.args!r})'

    def __eq__(self, other: object) -> bool:
        return type(other) is CallEvent and (
            self.call_id,
            self.function_name,
            self.args,
            self.kwargs,
        ) == (other.call_id, other.function_name, other.args, other.kwargs)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class FuturesEvent:
    call_ids: list[int]


@dataclass(frozen=True, slots=True)
class DoneEvent:
    value: Any


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    error: MontyRuntimeError | MontyConversionError
    host_error: BaseException | None = None


@dataclass(frozen=True, slots=True)
class YieldEvent:
    """The sandbox hands control back so an async host can run its event loop (reply 'continue')."""


Event = CallEvent | FuturesEvent | DoneEvent | ErrorEvent | YieldEvent


class HostFunction:
    """The sandbox's handle on a host function: calling it pauses the run at a host call."""

    __slots__ = ('_execution', '_name')

    def __init__(self, execution: Execution, name: str) -> None:
        self._execution = execution
        self._name = name

    @property
    def __name__(self) -> str:  # type: ignore[override]
        return self._name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._execution.host_call(self._name, args, kwargs)

    def __repr__(self) -> str:
        return f'<host function {self._name}>'


ALLOWED[HostFunction] = frozenset()


def _reserve(nbytes: int) -> None:
    reserve(nbytes, 'the result')


_HOOK_RESULTS: dict[str, tuple[type, ...]] = {
    'now': (int, float),
    'monotonic': (int, float),
    'random_bytes': (bytes,),
}


def _host_hook(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """A host hook as the sandbox's stdlib calls it: plain results only, failures as fresh errors."""
    if key not in _HOOK_RESULTS:
        raise TypeError(f'unknown host hook {key!r} (expected one of: {", ".join(sorted(_HOOK_RESULTS))})')
    if not callable(fn):
        raise TypeError(f'host hook {key!r} must be callable')
    expected = _HOOK_RESULTS[key]

    def call(*args: Any) -> Any:
        try:
            result = fn(*args)
        except Exception as e:
            raise RuntimeError(f'host hook {key!r} failed: {type(e).__name__}') from None
        if type(result) not in expected:
            raise TypeError(
                f'host hook {key!r} returned {type(result).__name__}, expected {expected[0].__name__}'
            )
        return float(result) if expected[0] is int else bytes(result)

    return call


class _RunGreenlet(greenlet):
    """The greenlet a run executes on; carries the run's ticker for the metered builtins and its
    fake object addresses (runtime/stable.py)."""

    ticker: Any = None
    identities: Identities | None = None


class Execution:
    """A run: globals, meter, output and greenlet. Single use; drive with `start()` then `reply()`."""

    def __init__(
        self,
        program: Program,
        *,
        inputs: dict[str, Any],
        external_functions: tuple[str, ...],
        limits: dict[str, Any],
        print_callback: PrintCallback | None,
        globals_: dict[str, Any] | None = None,
        hooks: Mapping[str, Any] | None = None,
    ) -> None:
        self.program = program
        max_depth = limits.get('max_recursion_depth')
        self.meter = Meter(
            max_duration=limits.get('max_duration_secs'),
            max_depth=DEFAULT_MAX_RECURSION_DEPTH if max_depth is None else int(max_depth),
            max_memory=limits.get('max_memory'),
            max_allocations=limits.get('max_allocations'),
        )
        self.output = Output(print_callback, limits.get('max_output_bytes'))
        self.output.stop = self.meter.stop
        stdout, stderr = SandboxStream(self.output, 'stdout'), SandboxStream(self.output, 'stderr')
        ctx = RunContext(stdout=stdout, stderr=stderr, max_depth=self.meter.max_depth, meter=self.meter)
        ctx.hooks['loop'] = self.loop
        ctx.hooks['reserve'] = _reserve
        for key, fn in (hooks or {}).items():
            ctx.hooks[key] = _host_hook(key, fn)
        self.importer = Importer(ctx)
        builtins = make_builtins(self.meter, make_print(self.output, stdout, stderr), self.importer)
        if globals_ is None:
            globals_ = {'__name__': '__main__', '__doc__': None}
        existing = globals_.get('__builtins__')
        if isinstance(existing, dict):
            # A REPL's later snippet: functions from earlier snippets hold this very dict, so update it
            # in place to point them at this run's meter, output and importer.
            existing.update(builtins)
            builtins = existing
        globals_['__builtins__'] = builtins
        globals_[SANDBOX_GLOBALS_MARK] = True
        globals_['_m_depth'] = 0
        globals_.update(inputs)
        for name in external_functions:
            globals_[name] = HostFunction(self, name)
        self.globals = globals_
        self._loop: Loop | None = None
        self._next_call_id = 0
        self._greenlet = _RunGreenlet(self._main)
        self._greenlet.ticker = self.meter.ticker
        identities = globals_.get(IDENTITIES_NAME)
        if not isinstance(identities, Identities):
            identities = globals_[IDENTITIES_NAME] = Identities()  # a REPL's snippets share them
        self._greenlet.identities = identities
        builtins['_m_plain'] = identities.plain
        self.finished = False

    # -- host side --------------------------------------------------------------------------------
    def start(self) -> Event:
        return self._switch(None)

    def reply(self, kind: str, payload: Any = None) -> Event:
        """Answer the pending event: ('return', value) / ('raise', exc) / ('future', None) for a call;
        ('futures', {call_id: ('return'|'raise', value)}) for a futures event."""
        return self._switch((kind, payload))

    def _switch(self, payload: Any) -> Event:
        if self.finished:
            raise RuntimeError('this run has already finished')
        self._greenlet.parent = greenlet.getcurrent()
        self.meter.resume_clock()
        try:
            event: Event = self._greenlet.switch(payload)
        finally:
            self.meter.pause_clock()
        if isinstance(event, (DoneEvent, ErrorEvent)):
            self.finished = True
            self.output.closed = True
            # Sandbox frames can outlive the run (a suspended generator's `finally` runs when it is
            # garbage collected): stopping the meter makes such code raise at its first tick.
            self.meter.stop(RuntimeError('the run has ended'))
        return event

    def enable_yields(self, interval: float) -> None:
        """Make the sandbox yield a `YieldEvent` to the host at least every `interval` seconds."""
        clock = time.perf_counter
        last = [clock()]

        def maybe_yield() -> None:
            now = clock()
            if now - last[0] >= interval:
                self._to_host(YieldEvent())
                last[0] = clock()

        self.meter.yield_hook = maybe_yield

    def abandon(self) -> None:
        """Stop a paused run for good (its frames unwind without running further user code)."""
        if not self.finished and self._greenlet:
            self.meter.stop(RuntimeError('the run was abandoned'))
            self.finished = True
            self.output.closed = True
            try:
                self._greenlet.throw(SystemExit)
            except BaseException:
                pass

    # -- sandbox side -----------------------------------------------------------------------------
    def _main(self, _: Any) -> Event:
        program = self.program
        try:
            value = self._run_module()
            stopped = self.meter.stopped
            if stopped is not None:
                raise stopped
            return DoneEvent(to_host(value))
        except MontyConversionError as e:
            return ErrorEvent(e)
        except BaseException as e:  # every sandbox exception ends the run here, as plain data
            stopped = self.meter.stopped
            if stopped is not None and e is not stopped:
                e = stopped
            err = to_runtime_error(e, program.codes, program.script_name, list(program.lines))
            return ErrorEvent(err, self.output.host_error)

    def _run_module(self) -> Any:
        program = self.program
        if program.is_async:
            coro = eval(program.code, self.globals)
            self.loop().run_until_complete(coro)
        else:
            exec(program.code, self.globals)
        return self.globals.pop('_m_result', None)

    def loop(self) -> Loop:
        if self._loop is None:
            self._loop = Loop(self._wait_for_host)
        return self._loop

    def _to_host_args(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
        if not kwargs:
            for a in args:
                if type(a) not in PLAIN_ATOMS:
                    break
            else:
                return args, {}  # immutable plain values: nothing to copy
        try:
            return to_host(args, f'arguments of {name}()'), to_host(kwargs, f'arguments of {name}()')
        except MontyConversionError as e:
            raise TypeError(str(e)) from None

    def host_call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self.meter.alive()
        host_args, host_kwargs = self._to_host_args(name, args, kwargs)
        self._next_call_id += 1
        call_id = self._next_call_id
        kind, payload = self._to_host(CallEvent(call_id, name, host_args, host_kwargs))
        if kind == 'return':
            return payload
        if kind == 'raise':
            raise payload
        if kind == 'future':
            return HostFuture(call_id, name)
        raise RuntimeError(f'invalid reply to a host call: {kind!r}')

    def _wait_for_host(self, pending: list[HostFuture]) -> None:
        by_id = {f.call_id: f for f in pending}
        kind, results = self._to_host(FuturesEvent(sorted(by_id)))
        if kind != 'futures':
            raise RuntimeError(f'invalid reply to pending futures: {kind!r}')
        for call_id, (rkind, value) in results.items():
            fut = by_id.get(call_id)
            if fut is None:
                continue
            fut.done = True
            if rkind == 'raise':
                fut.error = value
            else:
                fut.value = value

    def _to_host(self, event: Event) -> tuple[str, Any]:
        parent = self._greenlet.parent
        assert parent is not None
        reply = parent.switch(event)
        self.meter.alive()
        return reply
