"""One run of a program on its own greenlet.

The host drives an `Execution` with `start()` and `reply(...)`; each returns the next event of the
protocol (protocol.py): a host call, a set of pending host futures, a yield, or the end. Sandbox code
runs only between those two calls, on the greenlet, under the meter; the host side only ever sees
plain data. driver.py holds the loops that answer the events.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from greenlet import greenlet

from ..compiler import Program
from ..convert import PLAIN_ATOMS, plain_kwargs, to_host
from ..errors import MontyConversionError
from ..hooks import DEPTH, MODULE_CONTEXT, OPEN_TYPES, PLAIN_TYPES, RESULT, RUN_CLASSES
from ..limits import Limits
from ..runtime.allowlists import ALLOWED
from ..runtime.builtins import make_builtins
from ..runtime.errors import to_runtime_error
from ..runtime.guards import SANDBOX_GLOBALS_MARK
from ..runtime.identities import IDENTITIES_NAME, Identities
from ..runtime.memory import reserve
from ..runtime.meter import Depth, Meter
from ..runtime.modules import Importer, RunContext
from ..runtime.output import Output, PrintCallback, SandboxStream, make_print
from ..stdlib._support import bind, forget_run
from .protocol import (
    CallEvent,
    Continue,
    DoneEvent,
    ErrorEvent,
    Event,
    Future,
    FuturesEvent,
    Raise,
    Reply,
    Resolve,
    Return,
    YieldEvent,
)
from .scheduler import HostFuture, Loop

_getcurrent = greenlet.getcurrent

CONTEXT_NAME = MODULE_CONTEXT  # where a run's module context lives in its globals (reserved name)

YIELD = YieldEvent()

# `max_recursion_depth=None`: no depth limit of the sandbox's own (CPython's recursion limit remains).
NO_DEPTH_LIMIT = 1 << 62


class HostFunction:
    """The sandbox's handle on a host function: calling it pauses the run at a host call."""

    __slots__ = ('_execution', '_name')

    def __init__(self, execution: Execution | None, name: str) -> None:
        self._execution = execution
        self._name = name

    @property
    def __name__(self) -> str:  # type: ignore[override]
        return self._name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the host function: the run pauses at a host call (see `Execution.host_call`)."""
        execution = self._execution
        if execution is None:
            raise RuntimeError('the run has ended')
        return execution.host_call(self._name, args, kwargs)

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
    """The greenlet a run executes on; carries the run's ticker for the metered builtins.

    A greenlet runs one execution after another (`_serve`): a fresh greenlet costs two system calls
    (CPython maps a new frame stack for it, and unmaps it when it ends), about 7 us per run. Between
    runs it waits in its thread's pool (`_POOL.idle`) holding no reference to any run. Each run
    starts in an empty `contextvars` context, as on a fresh greenlet.
    """

    ticker: Any = None
    identities: Identities | None = None  # the run's fake object addresses (runtime/identities.py)
    # The finished run's last event, handed to the driver through here rather than as the argument
    # of the parking switch (which the idle greenlet's frame would keep alive until its next run).
    outbox: Any = None
    # A greenlet keeps the Python recursion depth (and C stack position) of its first start for life:
    # only greenlets first started within POOL_MAX_DEPTH host frames are pooled, so a pooled run has
    # nearly CPython's whole recursion budget whatever the depth of the host code calling `run()`.
    poolable: bool = False


POOL_SIZE = 4  # idle run greenlets kept per thread
POOL_MAX_DEPTH = 200  # host frames below the first switch into a greenlet that may be pooled


class _Pool(threading.local):
    idle: list[_RunGreenlet]

    def __init__(self) -> None:
        self.idle = []


_POOL = _Pool()


def _host_depth(limit: int) -> int:
    frame = sys._getframe(2)
    depth = 0
    while frame is not None and depth <= limit:
        frame = frame.f_back
        depth += 1
    return depth


def _acquire() -> _RunGreenlet:
    idle = _POOL.idle
    if idle:
        return idle.pop()
    worker = _RunGreenlet(_serve)
    worker.poolable = _host_depth(POOL_MAX_DEPTH) <= POOL_MAX_DEPTH
    return worker


def _serve(execution: Execution | None) -> Any:
    """The body of a run greenlet: run executions until the pool is full or the greenlet is killed."""
    worker: Any = _getcurrent()
    while True:
        assert execution is not None
        worker.gr_context = None  # every run starts in an empty contextvars context (decimal's, ...)
        worker.ticker = execution.meter.ticker
        worker.identities = execution.identities
        if execution.module_ctx is not None:
            bind(execution.module_ctx)  # a REPL snippet using modules an earlier one imported
        event = execution._main(None)
        worker.ticker = worker.identities = None
        execution = None
        forget_run(worker)
        idle = _POOL.idle
        if not worker.poolable or len(idle) >= POOL_SIZE:
            return event
        worker.outbox = event
        event = None
        idle.append(worker)
        execution = worker.parent.switch()


class Execution:
    """A run: globals, meter, output and greenlet. Single use; drive with `start()` then `reply()`."""

    def __init__(
        self,
        program: Program,
        *,
        inputs: dict[str, Any],
        external_functions: tuple[str, ...],
        limits: Limits,
        print_callback: PrintCallback | None,
        globals_: dict[str, Any] | None = None,
        hooks: Mapping[str, Any] | None = None,
    ) -> None:
        self.program = program = program.current()
        depth = limits.max_recursion_depth
        meter = self.meter = Meter(
            max_duration=limits.max_duration_secs,
            max_depth=NO_DEPTH_LIMIT if depth is None else depth,
            max_memory=limits.max_memory,
            max_allocations=limits.max_allocations,
        )
        output = self.output = Output(print_callback, limits.max_output_bytes)
        output.stop = meter.stop
        self._stdout, self._stderr = SandboxStream(output, 'stdout'), SandboxStream(output, 'stderr')
        # Validated now (a bad hook is the host's error); the modules' context is made at the first
        # import, which most runs never do.
        self._hooks = {key: _host_hook(key, fn) for key, fn in hooks.items()} if hooks else None
        # A REPL's snippets share one module context (their modules outlive a snippet): updated in
        # place for each snippet, so a module imported earlier meters, prints and reads hooks in the
        # snippet running it, never in another run.
        shared = globals_.get(CONTEXT_NAME) if globals_ is not None else None
        self.module_ctx: RunContext | None = None
        if isinstance(shared, RunContext):
            self.module_ctx = self._fill_context(shared)
        self.importer = Importer(self.module_ctx or self._module_context)
        builtins = make_builtins(meter, make_print(output, self._stdout, self._stderr), self.importer)
        if globals_ is None:
            globals_ = {'__name__': '__main__', '__doc__': None, '__builtins__': builtins}
        else:
            existing = globals_.get('__builtins__')
            if isinstance(existing, dict):
                # A REPL's later snippet: functions from earlier snippets hold this very dict, so
                # update it in place to point them at this run's meter, output and importer (and the
                # meter at it: the watchdog stops calls by lowering `_m_max_depth` there).
                existing.update(builtins)
                builtins = meter.builtins = existing
            globals_['__builtins__'] = builtins
        globals_[SANDBOX_GLOBALS_MARK] = True
        globals_[DEPTH] = Depth()
        if inputs:
            globals_.update(inputs)
        self._handles: list[HostFunction] = []
        for name in external_functions:
            handle = globals_[name] = HostFunction(self, name)
            self._handles.append(handle)
        self.globals = globals_
        self._loop: Loop | None = None
        self._next_call_id = 0
        self._greenlet: _RunGreenlet | None = None  # taken from the pool by the first `reply`
        self._pinned = False
        identities = globals_.get(IDENTITIES_NAME)
        if not isinstance(identities, Identities):
            identities = globals_[IDENTITIES_NAME] = Identities()  # a REPL's snippets share them
        self.identities = identities
        builtins[PLAIN_TYPES] = identities.plain
        builtins[RUN_CLASSES] = identities.classes
        builtins[OPEN_TYPES] = identities.open
        identities.builtins = builtins
        self.finished = False

    def _module_context(self) -> RunContext:
        """The run's module context, made at its first import (most runs import nothing)."""
        ctx = self._fill_context(RunContext(stdout=None, stderr=None, max_depth=0, meter=None))
        self.globals[CONTEXT_NAME] = ctx  # (for a REPL's later snippets)
        self.module_ctx = ctx
        bind(ctx)  # (made by the first import, on the run's greenlet: `_support.current()` finds it)
        return ctx

    def _fill_context(self, ctx: RunContext) -> RunContext:
        ctx.stdout, ctx.stderr = self._stdout, self._stderr
        ctx.max_depth, ctx.meter = self.meter.max_depth, self.meter
        ctx.hooks = {'loop': self.loop, 'reserve': _reserve, **(self._hooks or {})}
        return ctx

    # -- host side --------------------------------------------------------------------------------
    def start(self) -> Event:
        """Run until the first event."""
        return self.reply(None)  # (the first switch starts the run greenlet with this execution)

    def reply(self, reply: Reply | None) -> Event:
        """Answer the pending event (see protocol.py for which reply answers which event) and run
        until the next one."""
        run = self._greenlet
        if self._pinned and run is not None:
            # Driven synchronously from the greenlet that started it (`pin`): only the clock moves.
            meter = self.meter
            meter.start_time()
            try:
                event: Event = run.switch(reply)
            finally:
                meter.stop_time()
            return event if type(event) is CallEvent else self._ended(run, event)
        if self.finished:
            raise RuntimeError('this run has already finished')
        message: Any = reply
        if run is None:
            run = self._greenlet = _acquire()
            message = self  # what a run greenlet is started (or woken from the pool) with
        here = _getcurrent()
        if run.parent is not here:  # driven from another greenlet than last time: it returns there
            run.parent = here
        meter = self.meter
        if self._pinned:
            meter.start_time()
            try:
                event = run.switch(message)
            finally:
                meter.stop_time()
        else:
            meter.resume_clock()
            try:
                event = run.switch(message)
            finally:
                meter.pause_clock()
        return event if type(event) is CallEvent else self._ended(run, event)

    def _ended(self, run: _RunGreenlet, event: Any) -> Event:
        """`event` unless the run ended: then its final event, with the run finished."""
        if type(event) is tuple:  # () : the run ended and its greenlet went back to the pool
            event = run.outbox
            run.outbox = None
        if isinstance(event, (DoneEvent, ErrorEvent)):
            self._finish()
        return event

    def pin(self) -> None:
        """The host drives the run from this thread, synchronously, until `unpin`: a host call then
        only stops the run's clock (`Meter.stop_time`); the run stays the thread's current run and
        stays registered with the watchdog, which saves two thread-state swaps per host call."""
        if self.finished or self._greenlet is not None:
            raise RuntimeError('this run has already started')
        self.meter.resume_clock()
        self.meter.stop_time()
        self._pinned = True

    def unpin(self) -> None:
        """End `pin`: the run stops being the thread's current run and its clock pauses; later replies
        bracket each slice with `resume_clock`/`pause_clock` again."""
        self._pinned = False
        self.meter.pause_clock()

    def _finish(self) -> None:
        self.finished = True
        self._greenlet = None
        self.output.closed = True
        # Sandbox frames can outlive the run (a suspended generator's `finally` runs when it is
        # garbage collected): stopping the meter makes such code raise at its first tick.
        self.meter.stop(RuntimeError('the run has ended'))
        self._release()

    def _release(self) -> None:
        """Cut the finished run's reference cycles (its globals, builtins, meter and output point at
        each other), so reference counting frees a simple run as soon as the host drops it instead of
        leaving ~30 objects, its builtins dict among them, to the garbage collector. What is cut
        only served a live run: a leftover frame raises at its next tick, print, call or import."""
        self.output.stop = None
        self.meter.detach()
        self.importer.close()
        for handle in self._handles:
            if handle._execution is self:
                handle._execution = None

    def enable_yields(self, interval: float) -> None:
        """Make the sandbox yield a `YieldEvent` to the host at least every `interval` seconds."""
        clock = time.perf_counter
        last = [clock()]

        def maybe_yield() -> None:
            now = clock()
            if now - last[0] >= interval:
                if type(self._to_host(YIELD)) is not Continue:
                    raise RuntimeError('invalid reply to a yield: expected CONTINUE')
                last[0] = clock()

        self.meter.yield_hook = maybe_yield

    def abandon(self) -> None:
        """Stop a paused run for good (its frames unwind without running further user code)."""
        run = self._greenlet
        if not self.finished and run:
            self.meter.stop(RuntimeError('the run was abandoned'))
            self.finished = True
            self._greenlet = None
            self.output.closed = True
            try:
                run.throw(SystemExit)
            except BaseException:
                pass
            run.outbox = None
            self._release()

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
        return self.globals.pop(RESULT, None)

    def loop(self) -> Loop:
        """The run's event loop, created on first use."""
        if self._loop is None:
            self._loop = Loop(self._wait_for_host)
        return self._loop

    @staticmethod
    def _to_host_args(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
        try:
            return to_host(args, f'arguments of {name}()'), to_host(kwargs, f'arguments of {name}()')
        except MontyConversionError as e:
            raise TypeError(str(e)) from None

    def host_call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A sandbox call of host function `name`: convert the arguments, pause the run with a `CallEvent`,
        then return the reply's value, raise its error, or return a `HostFuture` for `future`."""
        meter = self.meter
        meter.alive()
        # The common case inline: no keywords and immutable plain atoms (exact types) cross as they
        # are; `args` is the fresh tuple of this call and `kwargs` its fresh empty dict.
        plain = True
        for a in args:
            if type(a) not in PLAIN_ATOMS:
                plain = False
                break
        if kwargs:
            # Keywords of plain atoms cross as they are too: `kwargs` is the fresh dict of this call.
            if not (plain and plain_kwargs(kwargs)):
                args, kwargs = self._to_host_args(name, args, kwargs)
            plain = False  # (`plain` events are logged lazily, and only positional ones are)
        elif not plain:
            args, kwargs = self._to_host_args(name, args, kwargs)
        call_id = self._next_call_id = self._next_call_id + 1
        run = self._greenlet
        parent = run.parent if run is not None else None
        assert parent is not None
        reply = parent.switch(CallEvent(call_id, name, args, kwargs, plain))
        meter.alive()
        t = type(reply)
        if t is Return:
            return reply.value
        if t is Raise:
            error = reply.error
            reply = None
            try:
                raise error
            finally:  # (no cycle: the exception's traceback holds this frame)
                error = None
        if t is Future:
            return HostFuture(call_id, name)
        raise RuntimeError(f'invalid reply to a host call: {reply!r}')

    def _wait_for_host(self, pending: list[HostFuture]) -> None:
        by_id = {f.call_id: f for f in pending}
        reply = self._to_host(FuturesEvent(tuple(sorted(by_id))))
        if type(reply) is not Resolve:
            raise RuntimeError(f'invalid reply to pending futures: {reply!r}')
        for call_id, result in reply.results.items():
            fut = by_id.get(call_id)
            if fut is None:
                continue
            fut.done = True
            if isinstance(result, Raise):
                fut.error = result.error
            else:
                fut.value = result.value

    def _to_host(self, event: Event) -> Reply:
        run = self._greenlet
        parent = run.parent if run is not None else None
        assert parent is not None
        reply = parent.switch(event)
        self.meter.alive()
        return reply
