"""The exceptions monty raises in the host.

Every error that comes out of the public API is a `MontyError`. Sandbox exceptions never cross the
boundary as themselves: a failed run raises `MontyRuntimeError`, which carries plain data only
(type name, message, traceback frames) and re-creates a host exception on demand.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .diagnostics import Diagnostic, render_diagnostics

__all__ = [
    'Frame',
    'MontyConversionError',
    'MontyError',
    'MontyRuntimeError',
    'MontySnapshotError',
    'MontySyntaxError',
    'MontyTypingError',
]


class MontyError(Exception):
    """Base class of every error monty raises in the host.

    Catch `MontyError` to handle syntax, typing, runtime and conversion errors alike.
    """

    def exception(self) -> BaseException:
        """The error as a plain host exception (`SyntaxError`, `TypeError`, ...)."""
        return Exception(str(self))

    def display(self, format: str = 'msg') -> str:
        """Render the error; see the subclasses for the formats they offer."""
        return str(self)


class MontyConversionError(MontyError, TypeError):
    """A value cannot cross the sandbox boundary (an unsupported host object, or a sandbox object with
    no plain-data form)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame of a sandbox traceback, in the user's own coordinates."""

    filename: str
    line: int
    column: int
    end_line: int
    end_column: int
    function_name: str
    source_line: str | None

    def render(self) -> str:
        """The frame as CPython prints it, with a caret line under the failing expression."""
        out = f'  File "{self.filename}", line {self.line}, in {self.function_name}\n'
        if self.source_line is not None:
            stripped = self.source_line.strip()
            out += f'    {stripped}\n'
            indent = len(self.source_line) - len(self.source_line.lstrip())
            start = self.column - 1 - indent
            end = self.end_column - 1 - indent if self.end_line == self.line else len(stripped)
            if 0 <= start < end <= len(stripped) and (start, end) != (0, len(stripped)):
                out += '    ' + ' ' * start + '^' * (end - start) + '\n'
        return out


class MontySyntaxError(MontyError):
    """The code cannot be parsed, or uses Python outside the sandbox's subset.

    `line` and `column` are 1-based positions in the user's code; `source_line` is that line.
    """

    def __init__(
        self,
        message: str,
        *,
        filename: str = 'main.py',
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        source_line: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.source_line = source_line

    def __str__(self) -> str:
        return self.display('type-msg')

    def exception(self) -> SyntaxError:
        """A host `SyntaxError` with the same message and position."""
        return SyntaxError(self.message, (self.filename, self.line, self.column, self.source_line))

    def display(self, format: str = 'traceback') -> str:
        """`'msg'`: the message; `'type-msg'`: `SyntaxError: message`; `'traceback'`: CPython-style."""
        if format == 'msg':
            return self.message
        if format == 'type-msg':
            where = f' ({self.filename}, line {self.line})' if self.line else ''
            return f'SyntaxError: {self.message}{where}'
        out = f'  File "{self.filename}", line {self.line}\n'
        if self.source_line is not None:
            stripped = self.source_line.strip()
            indent = len(self.source_line) - len(self.source_line.lstrip())
            out += f'    {stripped}\n'
            if self.column:
                out += '    ' + ' ' * max(self.column - 1 - indent, 0) + '^\n'
        return out + f'SyntaxError: {self.message}'


class MontyRuntimeError(MontyError):
    """Sandbox code raised an exception that it did not handle, or a limit ended the run.

    Holds only plain data: `type_name` (the sandbox exception's class name), `message`, the builtin
    base class it maps to, and the traceback frames in the user's code.
    """

    def __init__(
        self,
        type_name: str,
        message: str,
        frames: list[Frame],
        *,
        builtin_name: str | None = None,
        chain: list[tuple[str, str, list[Frame], str]] | None = None,
    ) -> None:
        super().__init__(f'{type_name}: {message}' if message else type_name)
        self.type_name = type_name
        self.message = message
        self.frames = frames
        self.builtin_name = builtin_name or type_name
        # Earlier exceptions of the chain: (type name, message, frames, joining sentence).
        self.chain = chain or []

    def exception(self) -> BaseException:
        """A fresh host exception of the nearest builtin type, with the same message.

        A user-defined exception class maps to its nearest builtin base; its class name is kept
        in the message (`MyError: boom` becomes `Exception('MyError: boom')`).
        """
        cls = getattr(builtins, self.builtin_name, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseException)):
            cls = Exception
        text = self.message if self.type_name == self.builtin_name else f'{self.type_name}: {self.message}'
        try:
            return cls(text)
        except Exception:
            return Exception(text)

    def traceback(self) -> list[Frame]:
        """The frames of the traceback, outermost first, in the user's code only."""
        return list(self.frames)

    def display(self, format: str = 'traceback') -> str:
        """`'msg'`: the message; `'type-msg'`: `Type: message`; `'traceback'`: as CPython prints it."""
        head = f'{self.type_name}: {self.message}' if self.message else self.type_name
        if format == 'msg':
            return self.message
        if format == 'type-msg':
            return head
        parts = []
        for type_name, message, frames, joiner in self.chain:
            parts.append(_render_tb(type_name, message, frames))
            parts.append(f'\n{joiner}\n\n')
        parts.append(_render_tb(self.type_name, self.message, self.frames))
        return ''.join(parts).rstrip('\n')


def _render_tb(type_name: str, message: str, frames: list[Frame]) -> str:
    out = 'Traceback (most recent call last):\n' if frames else ''
    out += ''.join(f.render() for f in frames)
    return out + (f'{type_name}: {message}' if message else type_name) + '\n'


class MontySnapshotError(MontyError):
    """Snapshot bytes are not valid: wrong format, wrong version, corrupted, tampered, or diverged on replay."""


class MontyTypingError(MontyError):
    """The type check found errors in the code; nothing was run.

    `diagnostics` holds every finding (errors, and the warnings and infos reported alongside them),
    in the user's coordinates; `display()` renders them as ty would, with the user's `script_name`.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic], *, script_name: str = 'main.py') -> None:
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        self.script_name = script_name
        super().__init__(render_diagnostics(self.diagnostics, script_name, 'concise'))

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that fail the check."""
        return [d for d in self.diagnostics if d.is_error]

    def __str__(self) -> str:
        return render_diagnostics(self.diagnostics, self.script_name, 'concise')

    def display(self, format: str = 'full') -> str:
        """`'full'` (ty's default output), `'concise'` (one line each) or `'json'`."""
        if format not in ('full', 'concise', 'json'):
            raise ValueError(f"format must be 'full', 'concise' or 'json', not {format!r}")
        return render_diagnostics(self.diagnostics, self.script_name, format)

    def exception(self) -> TypeError:
        """A plain host `TypeError` carrying the concise rendering."""
        return TypeError(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_typing_error, (self.diagnostics, self.script_name))


def _rebuild_typing_error(diagnostics: list[Diagnostic], script_name: str) -> MontyTypingError:
    return MontyTypingError(diagnostics, script_name=script_name)
