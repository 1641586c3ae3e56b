"""Captured output: the sandbox's `print` and its `sys.stdout` / `sys.stderr` stream objects."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Literal

from .allowlists import ALLOWED
from .memory import reserve
from .rendering import stable_str

Stream = Literal['stdout', 'stderr']
PrintCallback = Callable[[Stream, str], None]


class OutputLimitExceeded(Exception):
    """Internal: the run printed more than `max_output_bytes`."""


class Output:
    """Where one run's printed text goes: the `print_callback`, or the host's own streams."""

    __slots__ = ('callback', 'closed', 'host_error', 'max_bytes', 'stop', 'written')

    def __init__(self, callback: PrintCallback | None, max_bytes: int | None) -> None:
        self.callback = callback
        self.max_bytes = max_bytes
        self.written = 0
        self.closed = False
        self.host_error: BaseException | None = None
        self.stop: Callable[[BaseException], None] | None = None

    def write(self, stream: Stream, text: str) -> None:
        """Send `text` to the callback (or the host's stream), counted against `max_bytes`; past the limit,
        or when the callback fails, stop the run and raise in the sandbox."""
        if self.closed:
            raise RuntimeError('output is closed: the run has ended')
        if not text:
            return
        if self.max_bytes is not None:
            self.written += len(text.encode('utf-8', 'surrogatepass'))
            if self.written > self.max_bytes:
                exc = OSError(f'output limit exceeded ({self.max_bytes} bytes)')
                if self.stop is not None:
                    self.stop(exc)
                raise exc
        callback = self.callback
        if callback is None:
            target = sys.stdout if stream == 'stdout' else sys.stderr
            target.write(text)
            return
        try:
            callback(stream, text)
        except BaseException as e:
            # A failing callback is the host's error: end the run and re-raise it in the host.
            self.host_error = e
        if self.host_error is not None:
            # Raised outside the handler, so the sandbox exception carries no host `__context__`.
            failed = RuntimeError('print_callback failed')
            if self.stop is not None:
                self.stop(failed)
            raise failed


class SandboxStream:
    """`sys.stdout` / `sys.stderr` inside the sandbox: only `write` and `flush`."""

    __slots__ = ('_name', '_output')

    def __init__(self, output: Output, name: Stream) -> None:
        self._output = output
        self._name: Stream = name

    def write(self, text: Any) -> int:
        """Write the str `text` to the run's output; returns its length."""
        if type(text) is not str:
            raise TypeError(f'write() argument must be str, not {type(text).__name__}')
        self._output.write(self._name, text)
        return len(text)

    def flush(self) -> None:
        """Nothing to flush: `write` passed the text on already."""
        return None

    def __repr__(self) -> str:
        return f'<sandbox {self._name}>'


ALLOWED[SandboxStream] = frozenset({'write', 'flush'})


def make_print(output: Output, stdout: SandboxStream, stderr: SandboxStream) -> Callable[..., None]:
    """The sandbox's `print`, writing to `output` (or to a sandbox object with a `write` method)."""
    write = output.write

    def print(
        *args: Any, sep: Any = ' ', end: Any = '\n', file: Any = None, flush: bool = False, **unknown: Any
    ) -> None:
        if unknown:  # CPython's message, not the Python function's (`make_print.<locals>.print() got ...`)
            raise TypeError(f"'{next(iter(unknown))}' is an invalid keyword argument for print()")
        if sep is None:
            sep = ' '
        elif type(sep) is not str:
            raise TypeError(f'sep must be None or a string, not {type(sep).__name__}')
        if end is None:
            end = '\n'
        elif type(end) is not str:
            raise TypeError(f'end must be None or a string, not {type(end).__name__}')
        items = [a if type(a) is str else stable_str(a) for a in args]
        if len(sep) > 1 and len(items) > 2:
            reserve(len(sep) * (len(items) - 1), 'print() separators')
        text = sep.join(items) + end
        if file is None or file is stdout:
            write('stdout', text)
        elif file is stderr:
            write('stderr', text)
        else:
            from .guards import guarded_getattr

            guarded_getattr(file, 'write')(text)

    print.__qualname__, print.__module__ = 'print', 'builtins'  # `print() argument after * must be ...`
    return print
