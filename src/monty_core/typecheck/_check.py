"""Type checking sandbox code: stubs + code through ty, results in the user's coordinates."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Collection, Sequence

from ..diagnostics import Diagnostic, render_diagnostics
from ..errors import MontyTypingError
from ._source import SANDBOX_MODULES, SourceFacts, analyze, declared_names, split_lines
from ._ty import (
    Backend,
    BackendFailed,
    CliBackend,
    RawDiagnostic,
    ServerBackend,
    default_python_version,
    find_ty,
)

__all__ = [
    'MontyStubsWarning',
    'TypeChecker',
    'build_stubs',
    'check_or_raise',
    'check_stubs',
    'default_checker',
    'type_check',
]

UNAVAILABLE_MODULE_RULE = 'monty-unavailable-module'
# ty's own reports about an import it cannot resolve: replaced by monty's at the same import.
_TY_IMPORT_RULES = frozenset({'unresolved-import', 'import-not-found', 'possibly-missing-import'})
# How long `auto` keeps using `ty check` after the server failed before it tries a server again.
_SERVER_RETRY_SECONDS = 60.0
_STUB_CACHE_SIZE = 64
# Notes that name host paths (module search paths, ty's workspace) say nothing to sandbox code.
_HOST_PATH = re.compile(r'(?:^|[\s`(])(?:/[\w.-]+/|[A-Za-z]:\\)|vendored://|monty-ty-')


class MontyStubsWarning(UserWarning):
    """The type-check stubs themselves have errors (reported once per distinct stubs text, in the
    stubs' own coordinates; they never appear among the diagnostics of the user's code)."""


def build_stubs(stubs: str | None, inputs: Sequence[str] = (), external_functions: Sequence[str] = ()) -> str:
    """The stubs module ty sees: the user's stubs, plus an `Any` declaration for every input and
    external function they do not declare (so undeclared host names are known, untyped)."""
    text = stubs or ''
    declared = declared_names(text)
    missing_inputs = [name for name in inputs if name not in declared]
    missing_functions = [name for name in external_functions if name not in declared]
    if not (missing_inputs or missing_functions):
        return text
    extra = ['', 'import typing as _monty_typing  # declarations monty added for undeclared host names']
    extra += [f'{name}: _monty_typing.Any' for name in missing_inputs]
    extra += [
        f'def {name}(*args: _monty_typing.Any, **kwargs: _monty_typing.Any) -> _monty_typing.Any: ...'
        for name in missing_functions
    ]
    if text and not text.endswith('\n'):
        text += '\n'
    return text + '\n'.join(extra) + '\n'


class TypeChecker:
    """Runs ty over stubs + code. One instance (`default_checker()`) serves the whole process.

    `backend`: `'server'` keeps one `ty server` process alive and reuses it (fast: a warm check
    takes a millisecond or two); `'cli'` runs `ty check` per check (tens of ms); `'auto'` (the
    default) uses the server and falls back to `ty check` if the server fails.
    `ty_path` overrides where ty is found (else `$MONTY_TY_PATH`, else the `ty` package's binary).
    """

    def __init__(
        self,
        *,
        ty_path: str | None = None,
        backend: Backend = 'auto',
        python_version: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        if backend not in ('auto', 'server', 'cli'):
            raise ValueError(f"backend must be 'auto', 'server' or 'cli', not {backend!r}")
        self.backend: Backend = backend
        self.python_version = python_version or default_python_version()
        self.timeout = timeout
        self._ty_path = ty_path
        self._server: ServerBackend | None = None
        self._cli: CliBackend | None = None
        self._server_failed_at: float | None = None
        self._lock = threading.Lock()
        # stubs text digest -> diagnostics of the stubs (checked once per distinct stubs).
        self._stub_results: OrderedDict[str, list[Diagnostic]] = OrderedDict()

    @property
    def ty_path(self) -> str:
        if self._ty_path is None:
            self._ty_path = find_ty()
        return self._ty_path

    @property
    def active_backend(self) -> str:
        """`'server'` or `'cli'`: what the next check will use."""
        return 'cli' if self._use_cli() else 'server'

    def warm_up(self) -> None:
        """Start the ty server now (in the background), so that the first check is a warm one."""
        if self.backend != 'cli':
            threading.Thread(target=self._warm, name='monty-ty-warm-up', daemon=True).start()

    def _warm(self) -> None:
        try:
            self.check('')
        except Exception:
            pass

    def close(self) -> None:
        """Stop the ty server, if one runs. A later check starts a new one."""
        with self._lock:
            server, self._server = self._server, None
        if server is not None:
            server.close()

    # checking -----------------------------------------------------------------------------------

    def check(
        self,
        code: str,
        *,
        stubs: str | None = None,
        modules: Collection[str] | None = None,
        inputs: Sequence[str] = (),
        external_functions: Sequence[str] = (),
        previous: Sequence[str] = (),
    ) -> list[Diagnostic]:
        """Diagnostics (errors, warnings, infos) of `code`, in its own coordinates, sorted.

        `previous`: code that already ran before `code` in the same namespace (a REPL's earlier
        snippets); its definitions are visible to `code`, its own diagnostics are not reported.
        """
        modules = _offered_modules() if modules is None else modules
        stubs_text = build_stubs(stubs, inputs, external_functions)
        prefix = ''.join(s if s.endswith(('\n', '\r')) else s + '\n' for s in previous)
        offset = len(split_lines(prefix)) - 1
        facts = analyze(code, modules)
        digest = hashlib.sha256(stubs_text.encode()).hexdigest()
        with self._lock:
            known_stubs = digest in self._stub_results
        raw, raw_stubs = self._run(stubs_text, prefix + code, with_stubs=not known_stubs)
        if raw_stubs is not None:
            self._record_stub_results(digest, stubs_text, raw_stubs)
        return _to_user(raw, facts, code, offset, modules)

    def stub_diagnostics(
        self, stubs: str | None, inputs: Sequence[str] = (), external_functions: Sequence[str] = ()
    ) -> list[Diagnostic]:
        """Diagnostics of the stubs themselves, in the stubs' coordinates."""
        stubs_text = build_stubs(stubs, inputs, external_functions)
        digest = hashlib.sha256(stubs_text.encode()).hexdigest()
        with self._lock:
            cached = self._stub_results.get(digest)
        if cached is None:
            _, raw_stubs = self._run(stubs_text, '', with_stubs=True)
            cached = self._record_stub_results(digest, stubs_text, raw_stubs or [], warn=False)
        return list(cached)

    def _record_stub_results(
        self, digest: str, stubs_text: str, raw: list[RawDiagnostic], *, warn: bool = True
    ) -> list[Diagnostic]:
        lines = split_lines(stubs_text)
        diagnostics = sorted(
            (_diagnostic(r, lines, 0) for r in raw), key=lambda d: (d.line, d.column, d.rule)
        )
        with self._lock:
            self._stub_results[digest] = diagnostics
            while len(self._stub_results) > _STUB_CACHE_SIZE:
                self._stub_results.popitem(last=False)
        errors = [d for d in diagnostics if d.is_error]
        if warn and errors:
            warnings.warn(
                MontyStubsWarning(
                    'the type-check stubs have errors (not reported against the code):\n'
                    + render_diagnostics(errors, 'stubs.pyi', 'concise')
                ),
                stacklevel=_caller_stacklevel(),
            )
        return diagnostics

    def _use_cli(self) -> bool:
        if self.backend == 'cli':
            return True
        if self.backend == 'server' or self._server_failed_at is None:
            return False
        return time.monotonic() - self._server_failed_at < _SERVER_RETRY_SECONDS

    def _run(
        self, stubs_text: str, document: str, *, with_stubs: bool
    ) -> tuple[list[RawDiagnostic], list[RawDiagnostic] | None]:
        ty_path = self.ty_path
        if not self._use_cli():
            with self._lock:
                if self._server is None:
                    self._server = ServerBackend(ty_path, self.python_version, self.timeout)
                server = self._server
            try:
                result = server.check(stubs_text, document, with_stubs=with_stubs)
                self._server_failed_at = None
                return result
            except BackendFailed:
                if self.backend == 'server':
                    # One restart, then give up.
                    return server.check(stubs_text, document, with_stubs=with_stubs)
                self._server_failed_at = time.monotonic()
        if self._cli is None:
            self._cli = CliBackend(ty_path, self.python_version, self.timeout)
        return self._cli.check(stubs_text, document, with_stubs=with_stubs)


def _caller_stacklevel() -> int:
    """The `stacklevel` that points a warning at the first frame outside this package."""
    package = os.path.dirname(__file__)
    frame = sys._getframe(1)
    level = 1
    while frame is not None and os.path.dirname(frame.f_code.co_filename) == package:
        frame = frame.f_back
        level += 1
    return level


def _diagnostic(raw: RawDiagnostic, lines: list[str], offset: int) -> Diagnostic:
    line, end_line = raw.line - offset, max(raw.end_line - offset, raw.line - offset)
    source = lines[line - 1] if 1 <= line <= len(lines) else ''
    more = tuple(lines[n - 1] for n in range(line + 1, min(end_line, len(lines)) + 1))
    end_column = raw.end_column if end_line > line else max(raw.end_column, raw.column)
    return Diagnostic(
        rule=raw.rule,
        severity=raw.severity,
        message=raw.message,
        line=line,
        column=raw.column,
        end_line=end_line,
        end_column=end_column,
        source_line=source,
        notes=() if raw.rule in _TY_IMPORT_RULES else tuple(n for n in raw.notes if not _HOST_PATH.search(n)),
        more_lines=more,
    )


def _to_user(
    raw: list[RawDiagnostic], facts: SourceFacts, code: str, offset: int, modules: Collection[str]
) -> list[Diagnostic]:
    lines = split_lines(code)
    import_lines = [imp.statement_lines for imp in facts.unavailable_imports]
    out: list[Diagnostic] = []
    for r in raw:
        line = r.line - offset
        if line < 1:
            continue  # in the earlier snippets of a REPL: already reported when they ran
        if r.rule == 'invalid-syntax' and (line, r.column - 1) in facts.top_level_async:
            continue  # top-level await: the sandbox runs module code as a coroutine
        if r.rule in _TY_IMPORT_RULES and any(lo <= line <= hi for lo, hi in import_lines):
            continue  # monty reports this import itself, below
        out.append(_diagnostic(r, lines, offset))
    for imp in facts.unavailable_imports:
        if imp.relative:
            message = (
                f"relative import 'from {imp.module} import ...' is not available in the monty sandbox "
                '(the code is a single module, not a package)'
            )
        else:
            message = (
                f"module '{imp.module}' is not available in the monty sandbox "
                '(file, network and process access happen only through host functions)'
            )
        out.append(
            Diagnostic(
                rule=UNAVAILABLE_MODULE_RULE,
                severity='error',
                message=message,
                line=imp.line,
                column=imp.column,
                end_line=imp.end_line,
                end_column=imp.end_column,
                source_line=lines[imp.line - 1] if imp.line <= len(lines) else '',
                notes=(f'info: the sandbox offers: {", ".join(sorted(modules))}',),
                more_lines=tuple(lines[imp.line : imp.end_line]),
            )
        )
    out.sort(key=lambda d: (d.line, d.column, d.rule))
    return out


# -- module-level API -------------------------------------------------------------------------------

_default: TypeChecker | None = None
_default_lock = threading.Lock()


def default_checker() -> TypeChecker:
    """The process-wide checker that `type_check` and `check_or_raise` use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = TypeChecker()
        return _default


def type_check(
    code: str,
    *,
    stubs: str | None = None,
    script_name: str = 'main.py',
    modules: Collection[str] | None = None,
    inputs: Sequence[str] = (),
    external_functions: Sequence[str] = (),
    previous: Sequence[str] = (),
    checker: TypeChecker | None = None,
) -> list[Diagnostic]:
    """Type check `code` against `stubs` (Python declarations of the inputs, host functions and
    types the code may use); return every diagnostic, errors and warnings, in `code`'s coordinates.

    `script_name` is accepted for symmetry with `check_or_raise` (diagnostics do not depend on it);
    `modules` is the set of importable modules (default `SANDBOX_MODULES`).
    """
    del script_name
    return (checker or default_checker()).check(
        code,
        stubs=stubs,
        modules=modules,
        inputs=inputs,
        external_functions=external_functions,
        previous=previous,
    )


def check_or_raise(
    code: str,
    *,
    stubs: str | None = None,
    script_name: str = 'main.py',
    inputs: Sequence[str] = (),
    external_functions: Sequence[str] = (),
    modules: Collection[str] | None = None,
    previous: Sequence[str] = (),
    checker: TypeChecker | None = None,
) -> list[Diagnostic]:
    """Raise `MontyTypingError` (with every diagnostic) if any diagnostic has severity `'error'`;
    else return the non-failing diagnostics (warnings, infos), usually none.

    Inputs and external functions that the stubs do not declare are declared as `Any`.
    """
    diagnostics = type_check(
        code,
        stubs=stubs,
        modules=modules,
        inputs=inputs,
        external_functions=external_functions,
        previous=previous,
        checker=checker,
    )
    if any(d.is_error for d in diagnostics):
        raise MontyTypingError(diagnostics, script_name=script_name)
    return diagnostics


def check_stubs(
    stubs: str,
    *,
    inputs: Sequence[str] = (),
    external_functions: Sequence[str] = (),
    checker: TypeChecker | None = None,
) -> list[Diagnostic]:
    """Diagnostics of the stubs themselves (in the stubs' coordinates)."""
    return (checker or default_checker()).stub_diagnostics(stubs, inputs, external_functions)


def _offered_modules() -> frozenset[str]:
    """The modules the sandbox offers: its registry (and the documented list, for parents)."""
    from ..runtime.modules import available_modules

    return SANDBOX_MODULES | frozenset(available_modules())
