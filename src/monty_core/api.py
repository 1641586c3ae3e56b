"""The public API: `Monty` (compile once, run many times), its progress objects, and resource limits.

```python
import monty_core

m = monty_core.Monty('fetch(url).upper()', inputs=['url'], external_functions=['fetch'])
assert m.run(inputs={'url': 'x'}, external_functions={'fetch': lambda u: 'got ' + u}) == 'GOT X'
```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypedDict

from .arguments import given_functions, given_inputs
from .compiler import Program, compile_program
from .convert import PLAIN_ATOMS, to_sandbox
from .errors import MontySnapshotError, MontySyntaxError
from .execution.driver import drive_async, drive_sync
from .execution.encoding import pack, unpack
from .execution.run import Execution
from .execution.session import RunSpec, Session
from .limits import DEFAULT_LIMITS, ResourceLimits, resolve_limits
from .process.pool import ProcessPool
from .process.runs import remote_factory, resolve_isolation, run_async, run_sync
from .progress import MontyComplete, MontyFutureSnapshot, MontySnapshot, advance
from .runtime.output import PrintCallback

__all__ = ['DEFAULT_LIMITS', 'HostHooks', 'Monty', 'ResourceLimits', 'run_monty_async']


class HostHooks(TypedDict, total=False):
    """Optional host capabilities for the sandbox's standard library. Without them the sandbox has no
    clock and no randomness, and runs are deterministic (snapshots replay them exactly).

    - `now`: `() -> float`, POSIX seconds, for `time.time()`, `datetime.now()`, `date.today()`.
    - `monotonic`: `() -> float`, for `time.monotonic()`/`perf_counter()` (default: a virtual clock
      advanced only by `time.sleep`/`asyncio.sleep`).
    - `random_bytes`: `(n) -> bytes`, for unseeded `random`, `uuid.uuid4()` and `secrets`.
    """

    now: Callable[[], float]
    monotonic: Callable[[], float]
    random_bytes: Callable[[int], bytes]


class Monty:
    """A sandboxed program: parsed, checked and compiled once; run any number of times.

    Args:
        code: the Python source to run.
        inputs: names of the input variables the code reads (values are given to `run`).
        external_functions: names of the host functions the code may call.
        script_name: the file name shown in errors and tracebacks.
        type_check: type-check the code with ty before compiling (raises `MontyTypingError`).
        type_check_stubs: Python stubs declaring inputs and host functions for the type checker.

    Raises:
        MontySyntaxError: the code does not parse or uses Python outside the sandbox's subset.
    """

    def __init__(
        self,
        code: str,
        *,
        inputs: Iterable[str] = (),
        external_functions: Iterable[str] = (),
        script_name: str = 'main.py',
        type_check: bool = False,
        type_check_stubs: str | None = None,
    ) -> None:
        if not isinstance(code, str):
            raise TypeError(f'code must be a str, not {type(code).__name__}')
        self.code = code
        self.script_name = script_name
        self.inputs: tuple[str, ...] = tuple(inputs)
        self.external_functions: tuple[str, ...] = tuple(external_functions)
        for name in (*self.inputs, *self.external_functions):
            if not isinstance(name, str) or not name.isidentifier() or name.startswith('_'):
                raise ValueError(f'invalid input or external function name: {name!r}')
        both = set(self.inputs) & set(self.external_functions)
        if both:
            raise ValueError(f'names declared both as inputs and external functions: {sorted(both)}')
        if type_check:
            self.type_check(type_check_stubs)
        self._program: Program = compile_program(code, script_name)

    def __repr__(self) -> str:
        return f'Monty(script_name={self.script_name!r}, inputs={list(self.inputs)!r})'

    def type_check(self, type_check_stubs: str | None = None) -> None:
        """Type-check the code with ty against the stubs; raise `MontyTypingError` on errors."""
        from .typecheck import check_or_raise

        check_or_raise(
            self.code,
            stubs=type_check_stubs,
            script_name=self.script_name,
            inputs=self.inputs,
            external_functions=self.external_functions,
        )

    # -- serialisation ----------------------------------------------------------------------------
    def dump(self) -> bytes:
        """The compiled program as bytes (its source and declarations; it recompiles on `load`)."""
        return pack(
            {
                'kind': 'monty',
                'code': self.code,
                'script_name': self.script_name,
                'inputs': list(self.inputs),
                'external_functions': list(self.external_functions),
            }
        )

    @classmethod
    def load(cls, data: bytes) -> Monty:
        """Restore a `Monty` made by `dump()`; raises `MontySnapshotError` for invalid bytes."""
        doc = unpack(data, 'monty')
        try:
            code, script_name = doc['code'], doc['script_name']
            inputs, functions = doc['inputs'], doc['external_functions']
            if not isinstance(inputs, list) or not isinstance(functions, list):
                raise TypeError('inputs and external_functions must be lists')
            if not all(type(v) is str for v in (code, script_name, *inputs, *functions)):
                raise TypeError('code, script name and names must be strings')
            return cls(code, inputs=inputs, external_functions=functions, script_name=script_name)
        except MontySyntaxError as e:
            raise MontySnapshotError(f'the code in the snapshot does not compile: {e}') from None
        except Exception as e:
            raise MontySnapshotError(f'malformed snapshot: {type(e).__name__}: {e}') from None

    # -- running ----------------------------------------------------------------------------------
    def _converted_inputs(self, inputs: Mapping[str, Any] | None) -> dict[str, Any]:
        given = given_inputs(inputs)
        if not given and not self.inputs:
            return {}
        missing = [n for n in self.inputs if n not in given]
        if missing:
            raise TypeError(f'missing input(s): {", ".join(missing)}')
        unexpected = [n for n in given if n not in self.inputs]
        if unexpected:
            raise TypeError(
                f'unexpected input(s): {", ".join(unexpected)} (declare them with Monty(..., inputs=[...]))'
            )
        return {
            name: value if type(value) in PLAIN_ATOMS else to_sandbox(value, f'input {name!r}')
            for name, value in given.items()
        }

    def _new_execution(
        self,
        inputs: Mapping[str, Any] | None,
        external_functions: Mapping[str, Callable[..., Any]] | None,
        limits: Mapping[str, Any] | None,
        print_callback: PrintCallback | None,
        hooks: HostHooks | Mapping[str, Callable[..., Any]] | None = None,
        *,
        checked: bool = False,
    ) -> Execution:
        if not checked:
            self._check_functions(external_functions)
        return Execution(
            self._program,
            inputs=self._converted_inputs(inputs),
            external_functions=self.external_functions,
            limits=resolve_limits(limits),
            print_callback=print_callback,
            hooks=hooks,
        )

    def start(
        self,
        *,
        inputs: Mapping[str, Any] | None = None,
        limits: ResourceLimits | Mapping[str, Any] | None = None,
        print_callback: PrintCallback | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> MontySnapshot | MontyFutureSnapshot | MontyComplete:
        """Run until the first host call: returns a `MontySnapshot` to resume with the call's result,
        or `MontyComplete` if the code finishes without calling the host. `isolation` is as for `run`
        (on the process tier, a paused run keeps its worker until it is resumed, closed or dropped).

        Raises:
            MontyRuntimeError: the code fails before its first host call.
        """
        spec = RunSpec(
            code=self.code,
            script_name=self.script_name,
            input_names=self.inputs,
            external_functions=self.external_functions,
            inputs=self._converted_inputs(inputs),
            limits=resolve_limits(limits),
        )
        pool = resolve_isolation(isolation)
        session = Session(spec, print_callback, remote=None if pool is None else remote_factory(pool))
        return advance(session, session.start())

    def _check_functions(self, external_functions: Mapping[str, Callable[..., Any]] | None) -> dict[str, Any]:
        given = given_functions(external_functions)
        if not given and not self.external_functions:
            return {}
        missing = [n for n in self.external_functions if n not in given]
        if missing:
            raise TypeError(f'missing external function(s): {", ".join(missing)}')
        unexpected = [n for n in given if n not in self.external_functions]
        if unexpected:
            raise TypeError(
                f'unexpected external function(s): {", ".join(unexpected)} '
                '(declare them with Monty(..., external_functions=[...]))'
            )
        return given

    def run(
        self,
        *,
        inputs: Mapping[str, Any] | None = None,
        external_functions: Mapping[str, Callable[..., Any]] | None = None,
        limits: ResourceLimits | Mapping[str, Any] | None = None,
        print_callback: PrintCallback | None = None,
        hooks: HostHooks | Mapping[str, Callable[..., Any]] | None = None,
        isolation: str | ProcessPool | None = None,
    ) -> Any:
        """Run the code to completion and return the value of its last expression statement.

        Host functions are called synchronously; an `async def` host function is run to completion
        (or, inside a running event loop, use `run_monty_async`). `hooks` gives the standard library
        a clock and randomness (see `HostHooks`); without them runs are deterministic.

        `isolation`: `'inprocess'` (the fast tier), `'process'` (a confined worker process of the default
        pool: see docs/process-tier.md) or a `ProcessPool`; `None` reads the `MONTY_ISOLATION`
        environment variable (default `'inprocess'`).

        Raises:
            MontyRuntimeError: the code raised an exception it did not handle, or hit a limit.
            MontyConversionError: an input or the result cannot cross the boundary.
            TypeError: missing or unexpected inputs or external functions.
        """
        pool = resolve_isolation(isolation)
        if pool is not None:
            return run_sync(
                self, pool, inputs=inputs, external_functions=external_functions, limits=limits,
                print_callback=print_callback, hooks=hooks,
            )  # fmt: skip
        functions = self._check_functions(external_functions)
        execution = self._new_execution(inputs, functions, limits, print_callback, hooks, checked=True)
        return drive_sync(execution, functions)


# While sandbox code computes under `run_monty_async`, it hands the event loop its turn this often.
YIELD_INTERVAL = 0.005


async def run_monty_async(
    monty: Monty,
    *,
    inputs: Mapping[str, Any] | None = None,
    external_functions: Mapping[str, Callable[..., Any]] | None = None,
    limits: ResourceLimits | Mapping[str, Any] | None = None,
    print_callback: PrintCallback | None = None,
    hooks: HostHooks | Mapping[str, Callable[..., Any]] | None = None,
    isolation: str | ProcessPool | None = None,
) -> Any:
    """Run `monty` to completion from async code and return the value of its last expression.

    Host functions may be sync or `async def`; concurrent sandbox calls (`asyncio.gather`) to async
    host functions run concurrently. The event loop stays responsive while the sandbox computes, and
    cancelling the awaiting task stops the run. `isolation` is as for `Monty.run`.

    ```python
    import asyncio
    import monty_core

    async def fetch(url: str) -> str:
        return f'page {url}'

    m = monty_core.Monty('await fetch("a")', external_functions=['fetch'])
    assert asyncio.run(monty_core.run_monty_async(m, external_functions={'fetch': fetch})) == 'page a'
    ```

    Raises:
        MontyRuntimeError: the code raised an exception it did not handle, or hit a limit.
        TypeError: missing or unexpected inputs or external functions.
    """
    pool = resolve_isolation(isolation)
    if pool is not None:
        return await run_async(
            monty, pool, inputs=inputs, external_functions=external_functions, limits=limits,
            print_callback=print_callback, hooks=hooks,
        )  # fmt: skip
    functions = monty._check_functions(external_functions)
    execution = monty._new_execution(inputs, functions, limits, print_callback, hooks, checked=True)
    execution.enable_yields(YIELD_INTERVAL)
    return await drive_async(execution, functions)
