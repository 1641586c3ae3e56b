"""A worker process: warm up, confine itself, then run one program after another for its host.

Started by the pool (pool.py) as `python -I -c BOOTSTRAP CONFIG`, with an empty environment, its
protocol pipes as fds 0 (host -> worker) and 1 (worker -> host) and /dev/null as fd 2. It records what
it inherited (environment, descriptors) before importing anything, imports and warms the engine, confines
itself (confine.py), reports every check in its `Ready` message and then serves runs: each run is a
fresh `Execution` (its own globals, builtins, meter, output), driven exactly as `Monty.start()` drives
one, except that every event goes over the pipe and every reply comes back over it.

The worker trusts nothing from the pipe either: an unexpected message ends it.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import Any

from ..compiler import compile_program
from ..errors import MontyConversionError, MontyRuntimeError, MontySnapshotError, MontySyntaxError
from ..execution.encoding import decode_value, encode_value
from ..execution.protocol import CallEvent, DoneEvent, ErrorEvent, FuturesEvent, Raise, decode_reply
from ..execution.run import Execution
from ..execution.session import RunSpec, Session, restore
from ..limits import Limits, resolve_limits
from . import values, wire

# What the bootstrap line runs: it must record the inherited state before any import opens a file.
BOOTSTRAP = (
    'import os,sys;_fds=os.listdir("/proc/self/fd");_env=sorted(os.environ);'
    'import json;_cfg=json.loads(sys.argv[1]);sys.path[:0]=_cfg["sys_path"];'
    'from monty_core.process.worker import main;main(_cfg,_fds,_env)'
)

IN_FD, OUT_FD = 0, 1
SPIN = 100e-6  # seconds the worker polls its pipe before it sleeps
_LIMIT_ERRORS = ('limit exceeded', 'maximum recursion depth')


class _Null:
    """sys.stdout/sys.stderr of a worker: fd 1 is the protocol pipe, so stray writes go nowhere."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class MessageTooLarge(Exception):
    """A message over the host's size limit (the host would kill the worker for it)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f'{size / 2**20:.1f} MiB, the limit is {limit / 2**20:g} MiB')


class Channel:
    """Framed messages over the worker's two pipe ends."""

    def __init__(self, rfd: int = IN_FD, wfd: int = OUT_FD, max_message: int = 1 << 62) -> None:
        self.rfd, self.wfd = rfd, wfd
        self.max_message = max_message
        self.buffer = b''  # read ahead: a header and its body usually arrive in one read

    def send(self, message: Any) -> None:
        """Send one message to the host (`MessageTooLarge` past the pool's message limit)."""
        frame = wire.encode(message)
        if len(frame) > self.max_message:
            raise MessageTooLarge(len(frame), self.max_message)
        data = memoryview(frame)
        while data:
            n = os.write(self.wfd, data)
            data = data[n:]

    def _read_exact(self, n: int) -> bytes:
        buffered = self.buffer
        if len(buffered) >= n:
            self.buffer = buffered[n:]
            return buffered[:n]
        chunks = [buffered]
        n -= len(buffered)
        self.buffer = b''
        while n > 0:
            chunk = self._read(max(n, 1 << 16))
            if not chunk:
                raise EOFError('the host closed the pipe')
            chunks.append(chunk)
            n -= len(chunk)
        data = b''.join(chunks)
        size = len(data) + n  # (n <= 0: -n bytes read ahead)
        self.buffer = data[size:]
        return data[:size]

    def _read(self, size: int) -> bytes:
        """Poll for `SPIN` seconds, then block: a quick reply (a host call) needs no wake-up."""
        until = time.perf_counter() + SPIN
        os.set_blocking(self.rfd, False)
        try:
            while time.perf_counter() < until:
                try:
                    return os.read(self.rfd, size)
                except BlockingIOError:
                    continue
        finally:
            os.set_blocking(self.rfd, True)
        return os.read(self.rfd, size)

    def recv(self) -> Any:
        """The next message from the host, decoded and validated."""
        kind, size = wire.HEADER.unpack(self._read_exact(wire.HEADER.size))
        return wire.decode_from_host(kind, self._read_exact(size))


# -- warm-up ---------------------------------------------------------------------------------------------------
def warm_up() -> None:
    """Import everything a run may import and run a few programs, so that a run does no import of its
    own (the filesystem is about to be closed) and starts the watchdog thread now (threads are
    refused later for non-root users)."""
    import pkgutil

    from .. import stdlib
    from ..execution.driver import drive_sync
    from ..runtime.modules import available_modules

    for info in pkgutil.iter_modules(stdlib.__path__, stdlib.__name__ + '.'):
        __import__(info.name)
    imports = '\n'.join(
        f'try:\n    import {name}\nexcept Exception:\n    pass' for name in available_modules()
    )
    programs = [
        imports + '\n1',
        'async def f():\n    return sum(i for i in range(3000))\nawait f()',
        'x = {"a": [1, 2.5, (3, b"x")]}\nprint(x, end="")\nx',
    ]
    for source in programs:
        execution = Execution(
            compile_program(source, 'warm_up.py'),
            inputs={},
            external_functions=(),
            limits=resolve_limits({'max_duration_secs': 30}),
            print_callback=lambda stream, text: None,
        )
        drive_sync(execution, {})


def _vm_bytes() -> int:
    try:
        with open('/proc/self/statm', encoding='ascii') as f:
            return int(f.read().split()[0]) * os.sysconf('SC_PAGE_SIZE')
    except (OSError, ValueError):
        return 0


def _read_paths(cfg: dict[str, Any]) -> list[str]:
    from .confine import mapped_libraries

    # Of the import path, only the entries the worker actually imported from (after warm-up): the
    # host's script directory or working directory (its `.env`, its data) stays closed.
    files = [f for m in list(sys.modules.values()) if isinstance(f := getattr(m, '__file__', None), str)]
    roots = {
        root for root in sys.path if root and any(f.startswith(root.rstrip(os.sep) + os.sep) for f in files)
    }
    paths = [p for p in (*cfg['read_paths'], *sorted(roots)) if p and os.path.exists(p)]
    return [*paths, *mapped_libraries(), '/dev/null', '/dev/urandom', f'/proc/{os.getpid()}']


def _inherited(fds: list[str], env: list[str], allowed_env: list[str]) -> list[tuple[str, bool, str]]:
    own = {str(IN_FD), str(OUT_FD), '2'}
    extra = sorted(set(fds) - own - {str(max(map(int, fds), default=0))})  # (the listing's own fd)
    env_extra = [k for k in env if k not in allowed_env]
    return [
        (
            'clean_environment',
            not env_extra,
            f'inherited variables: {env_extra}' if env_extra else 'no host variables',
        ),
        (
            'no_inherited_fds',
            not extra,
            f'unexpected fds: {extra}' if extra else 'only fds 0, 1 (pipes) and 2 (/dev/null)',
        ),
    ]


# -- test-only holes (pool option `_test_switches`): see tests/process/ --------------------------------------
def _hole(source: str) -> Any:
    """Run host Python in the worker, unguarded: the planted guard hole of the confinement tests."""
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    return namespace.get('result')


def _crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


_TEST_INPUTS = {'hole': _hole, 'crash': _crash}


# -- runs --------------------------------------------------------------------------------------------------
class Server:
    """The worker's main loop: one run at a time, each driven through the host over the pipe."""

    def __init__(self, channel: Channel, test_switches: list[str]) -> None:
        self.channel = channel
        self.test_inputs = {k: v for k, v in _TEST_INPUTS.items() if k in test_switches}
        self.limits: dict[tuple[Any, ...], Limits] = {}

    def serve(self) -> None:
        """Serve runs until the host closes the pipe or asks the worker to exit."""
        while True:
            message = self.channel.recv()
            if type(message) is wire.RunMsg:
                self.run(message)
            elif type(message) is wire.SessionMsg:
                self.session(message)
            else:
                raise SystemExit(f'unexpected message {type(message).__name__}')

    def _hook(self, key: str) -> Any:
        def call(*args: Any) -> Any:
            self.channel.send(wire.HookCall(key, [encode_value(a) for a in args]))
            answer = self.channel.recv()
            if type(answer) is not wire.HookAnswer:
                raise SystemExit('expected a hook answer')
            if not answer.ok:
                # An exception of the host's type name: the run's hook wrapper reports that name.
                name = (
                    answer.value if type(answer.value) is str and answer.value.isidentifier() else 'Exception'
                )
                raise type(name, (Exception,), {})()
            return decode_value(answer.value)

        return call

    def _print(self, stream: str, text: str) -> None:
        self.channel.send(wire.Printed(stream, text))

    def run(self, msg: wire.RunMsg) -> None:
        """Run one program the host sent, answering its events through the host, to its end."""
        inputs = {k: decode_value(v) for k, v in msg.inputs.items()}
        for name in self.test_inputs.keys() & inputs.keys():
            inputs[name] = self.test_inputs[name]
        key = tuple(msg.limits.items())
        limits = self.limits.get(key)
        if limits is None:
            limits = self.limits[key] = resolve_limits(msg.limits)
            if len(self.limits) > 64:
                self.limits.clear()
        execution = Execution(
            compile_program(msg.code, msg.script_name),
            inputs=inputs,
            external_functions=tuple(msg.functions),
            limits=limits,
            print_callback=self._print,
            hooks={key: self._hook(key) for key in msg.hooks} or None,
        )
        execution.pin()  # driven from this thread only: a host call just stops the run's clock
        try:
            self.drive(execution, execution.start(), limits.max_memory)
        finally:
            execution.unpin()

    def session(self, msg: wire.SessionMsg) -> None:
        """A logged run (`Monty.start`, a REPL snippet): its REPL history replayed here first."""
        pinned = False
        try:
            spec = RunSpec.from_doc(msg.spec)
            if spec.history:
                session, event = restore(spec, [], self._print, output_chars=0, elapsed=0.0)
            else:
                session = Session(spec, self._print)
                session.pin()
                pinned = True
                event = session.start()
        except (MontySnapshotError, MontySyntaxError) as e:
            error = e if isinstance(e, MontySnapshotError) else MontySnapshotError(str(e))
            self.channel.send(wire.Failed(wire.error_to_doc(error), time.process_time(), True))
            return
        try:
            self.drive(session, event, spec.limits.max_memory)
        finally:
            if pinned:
                session.unpin()

    def drive(self, execution: Any, event: Any, max_memory: int | None) -> None:
        """Forward each event of the run to the host and feed the host's replies back, until it ends."""
        while True:
            if type(event) is CallEvent:
                sent = self._send_call(event)
                if sent is not None:
                    event = execution.reply(Raise(TypeError(sent)))
                    continue
            elif type(event) is FuturesEvent:
                self.channel.send(wire.Futures(list(event.call_ids)))
            elif type(event) is DoneEvent:
                self._done(event.value)
                return
            elif type(event) is ErrorEvent:
                self._failed(event.error, max_memory)
                return
            answer = self.channel.recv()
            if type(answer) is wire.Abandon:
                execution.abandon()
                self.channel.send(wire.Abandoned())
                return
            if type(answer) is not wire.ReplyMsg:
                raise SystemExit(f'unexpected message {type(answer).__name__}')
            event = execution.reply(decode_reply(answer.reply))

    def _send_call(self, event: Any) -> str | None:
        try:
            (args, ext_args), (kwargs, ext_kwargs) = values.encode(event.args), values.encode(event.kwargs)
        except MontySnapshotError as e:
            return f'arguments of {event.function_name}() cannot be sent to the host: {e}'
        message = wire.Call(
            event.call_id, event.function_name, args, kwargs, event.plain, ext_args or ext_kwargs
        )
        try:
            self.channel.send(message)
        except MessageTooLarge as e:
            return f'arguments of {event.function_name}() are too large to send to the host ({e})'
        return None

    def _done(self, value: Any) -> None:
        try:
            encoded, extended = values.encode(value)
        except MontySnapshotError as e:
            self._failed(MontyConversionError(f'the result cannot be sent to the host: {e}'), None)
            return
        try:
            self.channel.send(wire.Done(encoded, time.process_time(), False, extended))
        except MessageTooLarge as e:
            doc = {
                'kind': 'runtime',
                'type': 'MemoryError',
                'builtin': 'MemoryError',
                'frames': [],
                'chain': [],
            }
            doc['message'] = f'the result is too large to send to the host ({e})'
            self.channel.send(wire.Failed(doc, time.process_time(), True))

    def _failed(self, error: Any, max_memory: int | None) -> None:
        doc = wire.error_to_doc(error)
        recycle = False
        if isinstance(error, MontyRuntimeError):
            recycle = error.type_name in ('MemoryError', 'TimeoutError', 'SystemError') or any(
                s in error.message for s in _LIMIT_ERRORS
            )
            if error.type_name == 'MemoryError' and 'limit' not in error.message and max_memory is not None:
                doc['message'] = (
                    f'memory limit exceeded ({max_memory / 2**20:g} MiB): the worker could not allocate'
                )
        self.channel.send(wire.Failed(doc, time.process_time(), recycle))


def main(cfg: dict[str, Any], fds: list[str], env: list[str]) -> None:
    """The worker's entry point (see `BOOTSTRAP`)."""
    from .confine import confine, set_parent_death_signal

    set_parent_death_signal()
    if os.getppid() != cfg['ppid']:  # the host died before the signal was armed
        os._exit(1)
    checks = _inherited(fds, env, cfg['allowed_env'])
    channel = Channel(max_message=cfg.get('max_message', 1 << 62))
    warm_up()
    sys.stdout = sys.stderr = _Null()  # type: ignore[assignment]
    checks += confine(_read_paths(cfg))
    channel.send(wire.Ready(os.getpid(), checks, _vm_bytes(), time.process_time()))
    try:
        Server(channel, cfg.get('test_switches', [])).serve()
    except (EOFError, BrokenPipeError):
        os._exit(0)
