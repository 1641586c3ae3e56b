"""Type-check diagnostics in the user's coordinates, and their rendering (`MontyTypingError` in errors.py
carries them)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

__all__ = ['Diagnostic', 'DisplayFormat', 'Severity', 'render_diagnostics']

Severity = Literal['error', 'warning', 'info']
DisplayFormat = Literal['full', 'concise', 'json']

# Longest multi-line range that `full` rendering prints line by line; longer ones are elided.
_MAX_SNIPPET_LINES = 6


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding of the type check, in the user's own code.

    Positions are 1-based and count characters (code points), like ty's own output: `line`/`column`
    is where the flagged range starts, `end_line`/`end_column` the position just past its end.
    `rule` is ty's rule name (`invalid-argument-type`, ...) or monty's own
    (`monty-unavailable-module`); `source_line` is the text of line `line` (no newline);
    `notes` are ty's extra `info:`/`help:` lines, when it gives any; `more_lines` holds the text of
    the lines after `line` that a multi-line range covers (used by the `full` rendering).
    """

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str
    notes: tuple[str, ...] = ()
    more_lines: tuple[str, ...] = ()

    @property
    def is_error(self) -> bool:
        """Whether this diagnostic fails the check (severity `'error'`)."""
        return self.severity == 'error'

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        data = asdict(self)
        data['notes'] = list(self.notes)
        return data

    def render(self, script_name: str = 'main.py', format: DisplayFormat = 'concise') -> str:
        """Render like ty does, with `script_name` as the file name.

        `'concise'`: `main.py:3:7: error[rule] message`; `'full'`: a header, a ` --> file:line:col`
        line and the source lines with carets under the range; `'json'`: `to_dict()` plus `file`.
        """
        if format == 'concise':
            return f'{script_name}:{self.line}:{self.column}: {self.severity}[{self.rule}] {self.message}'
        if format == 'json':
            return json.dumps({'file': script_name, **self.to_dict()})
        if format != 'full':
            raise ValueError(f"unknown format {format!r}: expected 'full', 'concise' or 'json'")
        return self._render_full(script_name)

    def _render_full(self, script_name: str) -> str:
        rows = self.source_lines()
        width = len(str(max(number for number, _ in rows)))
        gutter = ' ' * (width + 1) + '|'
        out = [
            f'{self.severity}[{self.rule}]: {self.message}',
            f'{" " * width}--> {script_name}:{self.line}:{self.column}',
            gutter,
        ]
        for number, text in rows:
            if text is None:
                out.append(f'{"":>{width}} ...')
                continue
            start = self.column - 1 if number == self.line else len(text) - len(text.lstrip())
            end = self.end_column - 1 if number == self.end_line else len(text)
            start = min(max(start, 0), len(text))
            end = max(min(end, len(text)), start + 1)
            pad = ''.join(c if c == '\t' else ' ' for c in text[:start])
            out.append(f'{number:>{width}} | {text}'.rstrip())
            out.append(f'{gutter} {pad}{"^" * (end - start)}')
        out.extend(self.notes)
        return '\n'.join(out)

    def source_lines(self) -> list[tuple[int, str | None]]:
        """`(line number, text)` of the lines the range covers; text `None` marks an elided part."""
        rows: list[tuple[int, str | None]] = [
            (self.line + i, text) for i, text in enumerate((self.source_line, *self.more_lines))
        ]
        if len(rows) > _MAX_SNIPPET_LINES:
            keep = _MAX_SNIPPET_LINES // 2
            rows = [*rows[:keep], (rows[keep][0], None), *rows[-keep:]]
        return rows


def render_diagnostics(
    diagnostics: Iterable[Diagnostic],
    script_name: str = 'main.py',
    format: DisplayFormat = 'concise',
) -> str:
    """Render several diagnostics: one line each (`concise`), blocks separated by blank lines
    (`full`), or one JSON array (`json`)."""
    diagnostics = list(diagnostics)
    if format == 'json':
        return json.dumps([{'file': script_name, **d.to_dict()} for d in diagnostics], indent=2)
    separator = '\n\n' if format == 'full' else '\n'
    return separator.join(d.render(script_name, format) for d in diagnostics)
