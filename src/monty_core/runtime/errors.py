"""Turning sandbox exceptions into plain data (type name, message, frames in the user's code), and host
exceptions into fresh sandbox exceptions.

Both directions copy strings only: no exception object, traceback or frame crosses the boundary.
"""

from __future__ import annotations

import builtins
from collections.abc import Container
from types import CodeType, TracebackType
from typing import Any

from ..errors import Frame, MontyRuntimeError
from .rendering import stable_str

_CAUSE = 'The above exception was the direct cause of the following exception:'
_CONTEXT = 'During handling of the above exception, another exception occurred:'


def nearest_builtin(t: type) -> type:
    """The first builtin exception class in `t`'s MRO (`Exception` if none): a host exception is raised
    in the sandbox as this type (when sandbox code may raise it), and an error reports its name."""
    for klass in t.__mro__:
        if klass.__module__ == 'builtins' and issubclass(klass, BaseException):
            return klass
    return Exception


def describe_exception(exc: BaseException) -> tuple[str, str, str]:
    """(class name, nearest builtin class name, message), exact `str`s: a `str` subclass a sandbox
    `__str__` returned would run sandbox code wherever the host touches it. Must run under the
    sandbox's meter."""
    t = type(exc)
    name = _plain_text(t.__name__, 'exception')
    try:
        message = _plain_text(stable_str(exc), '')
    except BaseException:
        message = f'<exception str() failed for {name}>'
    return name, nearest_builtin(t).__name__, message


def _plain_text(value: Any, default: str) -> str:
    return str.__str__(value) if isinstance(value, str) else default


def _column(line_text: str | None, byte_offset: int | None) -> int:
    if byte_offset is None:
        return 0
    if not line_text:
        return byte_offset
    return len(line_text.encode('utf-8')[:byte_offset].decode('utf-8', 'replace'))


def extract_frames(
    tb: TracebackType | None, codes: Container[CodeType], filename: str, lines: list[str]
) -> list[Frame]:
    """The frames of `tb` that belong to the user's program, outermost first."""
    frames: list[Frame] = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code in codes:
            positions = list(code.co_positions())
            index = tb.tb_lasti // 2
            line, end_line, col, end_col = (
                positions[index] if 0 <= index < len(positions) else (tb.tb_lineno, None, None, None)
            )
            line = line or tb.tb_lineno
            text = lines[line - 1] if 0 < line <= len(lines) else None
            end_line = end_line or line
            end_text = lines[end_line - 1] if 0 < end_line <= len(lines) else None
            frames.append(
                Frame(
                    filename=filename,
                    line=line,
                    column=_column(text, col) + 1,
                    end_line=end_line,
                    end_column=_column(end_text, end_col) + 1 if end_col is not None else len(text or '') + 1,
                    function_name=code.co_name,
                    source_line=text,
                )
            )
        tb = tb.tb_next
    return frames


def to_runtime_error(
    exc: BaseException, codes: Container[CodeType], filename: str, lines: list[str]
) -> MontyRuntimeError:
    """Plain-data `MontyRuntimeError` for an exception that ended a run (call under the meter)."""
    chain: list[tuple[str, str, list[Frame], str]] = []
    seen = {id(exc)}
    links: list[tuple[BaseException, str]] = []
    cur: BaseException = exc
    while True:
        if cur.__cause__ is not None:
            nxt, joiner = cur.__cause__, _CAUSE
        elif cur.__context__ is not None and not cur.__suppress_context__:
            nxt, joiner = cur.__context__, _CONTEXT
        else:
            break
        if id(nxt) in seen or len(links) > 20:
            break
        seen.add(id(nxt))
        links.append((nxt, joiner))
        cur = nxt
    for earlier, joiner in reversed(links):
        name, _, message = describe_exception(earlier)
        chain.append((name, message, extract_frames(earlier.__traceback__, codes, filename, lines), joiner))
    name, builtin, message = describe_exception(exc)
    frames = extract_frames(exc.__traceback__, codes, filename, lines)
    return MontyRuntimeError(name, message, frames, builtin_name=builtin, chain=chain)


def sandbox_exception_from_host(exc: BaseException) -> BaseException:
    """A fresh sandbox exception with the host exception's builtin type and message (nothing else)."""
    cls = nearest_builtin(type(exc))
    if not issubclass(cls, Exception) or cls.__name__ not in _SANDBOX_RAISABLE:
        cls = RuntimeError
    try:
        message = str(exc)
    except Exception:
        message = type(exc).__name__
    if cls is KeyError and exc.args:
        # str(KeyError('k')) is "'k'": re-create from the plain key when it is plain data.
        arg = exc.args[0]
        if type(arg) in (str, int, float, bool, type(None)):
            return KeyError(arg)
    try:
        return cls(message)
    except Exception:
        return RuntimeError(message)


def make_exception(type_name: str, *args: Any) -> BaseException:
    """A sandbox exception from a builtin exception name and plain arguments (snapshot replay)."""
    cls = getattr(builtins, type_name, None)
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        cls = RuntimeError
    try:
        return cls(*args)
    except Exception:
        return cls(*(str(a) for a in args[:1]))


_SANDBOX_RAISABLE: frozenset[str] = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception) and not name.startswith('_')
)
