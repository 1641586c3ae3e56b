"""Running a `Monty` program on the process tier (what `isolation='process'` calls)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from typing import Any, Protocol, cast

import anyio

from ..execution.driver import drive_async, drive_sync
from ..execution.encoding import encode_value
from ..execution.run import _host_hook
from ..limits import KEYS, Limits, resolve_limits
from ..runtime.output import PrintCallback
from . import wire
from .pool import ProcessPool, WorkerProcess, default_pool
from .remote import RemoteRun


class Monty(Protocol):
    """What a run needs of `api.Monty` (named structurally: api.py imports this module)."""

    code: str
    script_name: str
    external_functions: tuple[str, ...]

    def _check_functions(self, external_functions: Any) -> dict[str, Any]: ...
    def _converted_inputs(self, inputs: Any) -> dict[str, Any]: ...


__all__ = [
    'ISOLATIONS',
    'remote_factory',
    'remote_for',
    'resolve_isolation',
    'run_async',
    'run_sync',
]

ISOLATIONS = ('inprocess', 'process')
Isolation = str | ProcessPool | None


def resolve_isolation(isolation: Isolation) -> ProcessPool | None:
    """The pool a run uses, or None for in-process. `None` reads `MONTY_ISOLATION` (default in-process)."""
    if isinstance(isolation, ProcessPool):
        return isolation
    if isolation is None:
        isolation = os.environ.get('MONTY_ISOLATION') or 'inprocess'
    if isolation == 'inprocess':
        return None
    if isolation == 'process':
        return default_pool()
    raise ValueError(f"isolation must be 'inprocess', 'process' or a ProcessPool, not {isolation!r}")


_DOCS: dict[Limits, dict[str, Any]] = {}


def _limits_doc(limits: Limits) -> dict[str, Any]:
    """`limits` as a plain dict (cached: `Limits.as_dict` deep-copies, ~40 us)."""
    doc = _DOCS.get(limits)
    if doc is None:
        if len(_DOCS) > 256:
            _DOCS.clear()
        doc = _DOCS[limits] = {key: getattr(limits, key) for key in KEYS}
    return doc


def _prepare(
    monty: Monty,
    pool: ProcessPool,
    inputs: Mapping[str, Any] | None,
    external_functions: Mapping[str, Callable[..., Any]] | None,
    limits: Mapping[str, Any] | None,
    hooks: Mapping[str, object] | None,
) -> tuple[dict[str, Any], wire.RunMsg, Any, dict[str, Callable[..., Any]]]:
    functions = monty._check_functions(external_functions)
    resolved = resolve_limits(limits)
    given = cast('Mapping[str, Any]', hooks or {})
    for key, fn in given.items():
        _host_hook(key, fn)  # (validates the key and the callable, as in-process)
    wrapped = dict(given)  # (called as they are: the worker's wrapper reports their failures)
    converted = monty._converted_inputs(inputs)
    message = wire.RunMsg(
        code=monty.code,
        script_name=monty.script_name,
        inputs={k: encode_value(v) for k, v in converted.items()},
        functions=list(monty.external_functions),
        limits=_limits_doc(resolved),
        hooks=sorted(wrapped),
    )
    return functions, message, resolved, wrapped


def run_sync(
    monty: Monty,
    pool: ProcessPool,
    *,
    inputs: Mapping[str, Any] | None = None,
    external_functions: Mapping[str, Callable[..., Any]] | None = None,
    limits: Mapping[str, Any] | None = None,
    print_callback: PrintCallback | None = None,
    hooks: Mapping[str, object] | None = None,
) -> Any:
    """`Monty.run` on a worker of `pool`."""
    functions, message, resolved, wrapped = _prepare(monty, pool, inputs, external_functions, limits, hooks)
    worker = pool.acquire()
    run = RemoteRun(pool, worker, message, resolved, print_callback, wrapped)
    return drive_sync(run, functions)


async def _acquire_in_thread(pool: ProcessPool) -> WorkerProcess:
    """Wait for a worker without blocking the event loop. The thread cannot be interrupted: if the
    waiting task is cancelled first, the worker the thread gets later goes back to the pool."""
    lock = threading.Lock()
    got: list[WorkerProcess] = []
    cancelled = False

    def acquire() -> WorkerProcess | None:
        worker = pool.acquire()
        with lock:
            if cancelled:
                pool.release(worker, reuse=True)
                return None
            got.append(worker)
        return worker

    try:
        worker = await anyio.to_thread.run_sync(acquire)
    except BaseException:
        with lock:
            cancelled = True
            for worker in got:
                pool.release(worker, reuse=True)
        raise
    assert worker is not None
    return worker


async def run_async(
    monty: Monty,
    pool: ProcessPool,
    *,
    inputs: Mapping[str, Any] | None = None,
    external_functions: Mapping[str, Callable[..., Any]] | None = None,
    limits: Mapping[str, Any] | None = None,
    print_callback: PrintCallback | None = None,
    hooks: Mapping[str, object] | None = None,
) -> Any:
    """`run_monty_async` on a worker of `pool`: the event loop runs while the worker computes."""
    functions, message, resolved, wrapped = _prepare(monty, pool, inputs, external_functions, limits, hooks)
    worker = pool.try_acquire() or await _acquire_in_thread(pool)
    run = RemoteRun(pool, worker, message, resolved, print_callback, wrapped, asynchronous=True)
    return await drive_async(run, functions)


def remote_factory(pool: ProcessPool) -> Callable[[Any, PrintCallback], RemoteRun]:
    """What a `Session` calls to run its spec on a worker of `pool` (`Monty.start`, `MontyRepl`)."""

    def make(spec: Any, print_callback: PrintCallback) -> RemoteRun:
        worker = pool.acquire()
        message = wire.SessionMsg(spec.to_doc())
        return RemoteRun(pool, worker, message, spec.limits, print_callback, None, parkable=True)

    return make


def remote_for(isolation: Isolation) -> Callable[[Any, PrintCallback], RemoteRun] | None:
    """The factory of remote sessions for `isolation` (None: in-process; see `resolve_isolation`)."""
    pool = resolve_isolation(isolation)
    return None if pool is None else remote_factory(pool)
