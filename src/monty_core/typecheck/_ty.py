"""Running ty: finding its binary, a long-lived `ty server` (LSP over stdio), and `ty check` as the
fallback. Both read structured output only (LSP diagnostics; `--output-format gitlab` JSON).

A check is one private workspace directory holding `ty.toml`, the stubs as `__builtins__.pyi` (ty
adds that module's names to the builtins of every file, so the user's code needs no extra import
line and its line numbers are ty's) and the code as `_monty_main.py`.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import queue
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from monty_core.errors import MontyError

from ..diagnostics import Severity
from ._source import split_lines

__all__ = ['CliBackend', 'RawDiagnostic', 'ServerBackend', 'TyUnavailableError', 'find_ty']

MAIN_FILE = '_monty_main.py'
STUBS_FILE = '__builtins__.pyi'
INSTALL_HINT = (
    'install it with `pip install ty` (monty depends on it: `pip install monty-sandbox` brings it too)'
)


class TyUnavailableError(MontyError, RuntimeError):
    """ty, which monty's type checking runs, is not installed or does not work."""


class BackendFailed(Exception):
    """One way of running ty failed (the other may still work)."""


@dataclass(frozen=True, slots=True)
class RawDiagnostic:
    """A diagnostic as ty reports it for the checked file: 1-based lines, 1-based character
    columns, end exclusive."""

    rule: str
    severity: Severity
    message: str
    notes: tuple[str, ...]
    line: int
    column: int
    end_line: int
    end_column: int


def find_ty(override: str | None = None) -> str:
    """The path of the ty binary: `override`, else `$MONTY_TY_PATH`, else the one the `ty` PyPI
    package installed (found through the package), else `ty` on `PATH`."""
    explicit = override or os.environ.get('MONTY_TY_PATH')
    if explicit:
        return explicit
    try:
        locate = importlib.import_module('ty').find_ty_bin  # the PyPI package's own locator
        return os.fsdecode(locate())
    except (ImportError, AttributeError, OSError):
        pass
    name = 'ty' + (sysconfig.get_config_var('EXE') or '')
    candidate = Path(sysconfig.get_path('scripts')) / name
    if candidate.is_file():
        return str(candidate)
    found = shutil.which('ty')
    if found:
        return found
    raise TyUnavailableError(f'type checking needs ty, which was not found: {INSTALL_HINT}')


def ty_config(python_version: str) -> str:
    """`ty.toml` of a check workspace.

    `python-platform = "all"`: sandbox code must not depend on the host's platform.
    `unused-awaitable` is an error: an async host function called without `await` never runs.
    """
    return (
        '[environment]\n'
        f'python-version = "{python_version}"\n'
        'python-platform = "all"\n'
        '\n'
        '[rules]\n'
        'unused-awaitable = "error"\n'
    )


def _subprocess_env(workspace: str) -> dict[str, str]:
    """The host's environment without what would make ty look outside the workspace: an active
    virtualenv/conda env, `TY_*` settings, the user-level ty config (`XDG_CONFIG_HOME`)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ('VIRTUAL_ENV', 'CONDA_PREFIX') and not key.startswith('TY_')
    }
    env['XDG_CONFIG_HOME'] = workspace
    return env


def _new_workspace(python_version: str, stubs: str) -> str:
    workspace = tempfile.mkdtemp(prefix='monty-ty-')
    Path(workspace, 'ty.toml').write_text(ty_config(python_version), encoding='utf-8')
    Path(workspace, STUBS_FILE).write_text(stubs, encoding='utf-8')
    return workspace


def _unusable(ty_path: str, error: OSError) -> TyUnavailableError:
    return TyUnavailableError(f'type checking needs ty, but {ty_path!r} cannot run ({error}): {INSTALL_HINT}')


def _severity(value: object) -> Severity | None:
    """LSP severity (1 error, 2 warning, 3 information, 4 hint) or GitLab severity -> ours.
    Hints are editor decorations (ty's CLI does not print them): dropped."""
    if value in (1, 'major', 'critical', 'blocker'):
        return 'error'
    if value in (2, 'minor'):
        return 'warning'
    if value in (3, 'info'):
        return 'info'
    return None


def _split_message(message: str, workspace: str) -> tuple[str, tuple[str, ...]]:
    """ty's LSP message is the diagnostic's message, then (after a blank line) its sub-diagnostics
    (`info: ...`, `help: ...`), which monty keeps as notes. The workspace's path is removed."""
    message = message.replace(workspace + os.sep, '')
    head, _, rest = message.partition('\n\n')
    return head, tuple(line for line in rest.split('\n') if line.strip())


# -- ty check (one process per check) ---------------------------------------------------------------


class CliBackend:
    """`ty check --output-format gitlab` in a fresh temporary workspace per check."""

    def __init__(self, ty_path: str, python_version: str, timeout: float) -> None:
        self.ty_path = ty_path
        self.python_version = python_version
        self.timeout = timeout

    def check(
        self, stubs: str, document: str, *, with_stubs: bool
    ) -> tuple[list[RawDiagnostic], list[RawDiagnostic] | None]:
        workspace = _new_workspace(self.python_version, stubs)
        try:
            Path(workspace, MAIN_FILE).write_text(document, encoding='utf-8')
            files = [MAIN_FILE, STUBS_FILE] if with_stubs else [MAIN_FILE]
            args = [self.ty_path, 'check', '--output-format', 'gitlab', '--no-progress']
            args += ['--color', 'never', '--exit-zero', *files]
            try:
                proc = subprocess.run(
                    args,
                    cwd=workspace,
                    env=_subprocess_env(workspace),
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=self.timeout,
                    check=False,
                )
            except OSError as error:
                raise _unusable(self.ty_path, error) from error
            except subprocess.TimeoutExpired as error:
                raise TyUnavailableError(f'ty took more than {self.timeout:g}s to check the code') from error
            try:
                if proc.returncode != 0:
                    raise ValueError(f'exit code {proc.returncode}')
                entries = json.loads(proc.stdout or b'[]')
                if not isinstance(entries, list):
                    raise ValueError('not a JSON list')
                by_file: dict[str, list[RawDiagnostic]] = {MAIN_FILE: [], STUBS_FILE: []}
                for entry in entries:
                    raw = _from_gitlab(entry, workspace)
                    path = Path(entry['location']['path']).name
                    if raw is not None and path in by_file:
                        by_file[path].append(raw)
            except (ValueError, KeyError, TypeError) as error:
                stderr = proc.stderr.decode('utf-8', errors='replace').strip()[-2000:]
                raise TyUnavailableError(
                    f'ty ({self.ty_path}) failed to check the code ({error}); its error output:\n{stderr}\n'
                    f'If ty is broken or too old, reinstall it: `pip install --upgrade ty`'
                ) from None
            return by_file[MAIN_FILE], by_file[STUBS_FILE] if with_stubs else None
        finally:
            shutil.rmtree(workspace, ignore_errors=True)

    def close(self) -> None:
        pass


def _from_gitlab(entry: dict[str, Any], workspace: str) -> RawDiagnostic | None:
    severity = _severity(entry['severity'])
    if severity is None:
        return None
    rule = str(entry['check_name'])
    description = str(entry['description'])
    message, notes = _split_message(description.removeprefix(f'{rule}: '), workspace)
    positions = entry['location']['positions']
    begin, end = positions['begin'], positions['end']
    return RawDiagnostic(
        rule,
        severity,
        message,
        notes,
        int(begin['line']),
        int(begin['column']),
        int(end['line']),
        int(end['column']),
    )


# -- ty server (one long-lived language server) ----------------------------------------------------


class ServerBackend:
    """One `ty server` process, kept for the life of the interpreter (or until `close()`).

    The code and the stubs are open documents whose text is replaced at each check
    (`textDocument/didChange`), and diagnostics are pulled (`textDocument/diagnostic`), so a warm
    check costs a millisecond or two. Checks are serialised by a lock. A server that dies is
    restarted at the next check; `BackendFailed` tells the caller to fall back to `ty check`.
    """

    def __init__(self, ty_path: str, python_version: str, timeout: float) -> None:
        self.ty_path = ty_path
        self.python_version = python_version
        self.timeout = timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._pid = 0
        self._workspace: str | None = None
        self._write_lock = threading.Lock()
        self._responses: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._next_id = 0
        self._version = 0
        self._stubs: str | None = None
        self._encoding = 'utf-16'
        self._finalizer: weakref.finalize[Any, Any] | None = None
        _live_servers.add(self)

    # public -------------------------------------------------------------------------------------

    def check(
        self, stubs: str, document: str, *, with_stubs: bool
    ) -> tuple[list[RawDiagnostic], list[RawDiagnostic] | None]:
        with self._lock:
            try:
                self._ensure_started()
                if stubs != self._stubs:
                    self._change(self._uri(STUBS_FILE), stubs)
                    self._stubs = stubs
                self._change(self._uri(MAIN_FILE), document)
                main = self._pull(MAIN_FILE, document)
                stub_diags = self._pull(STUBS_FILE, stubs) if with_stubs else None
                return main, stub_diags
            except (BackendFailed, OSError, ValueError) as error:
                self._kill()
                if isinstance(error, BackendFailed):
                    raise
                raise BackendFailed(str(error)) from error

    def close(self) -> None:
        """Shut the server down (politely, then by force) and remove its workspace."""
        with self._lock:
            proc = self._proc
            if proc is not None and proc.poll() is None and self._pid == os.getpid():
                with contextlib.suppress(Exception):
                    self._request('shutdown', None, timeout=1.0)
                    self._notify('exit', None)
                    proc.wait(timeout=1.0)
            self._kill()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None and self._pid == os.getpid()

    # process ------------------------------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self.running:
            return
        self._kill()  # a dead server, or (after a fork) the parent's
        workspace = _new_workspace(self.python_version, '')
        try:
            proc = subprocess.Popen(
                [self.ty_path, 'server'],
                cwd=workspace,
                env=_subprocess_env(workspace),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            shutil.rmtree(workspace, ignore_errors=True)
            raise _unusable(self.ty_path, error) from error
        self._proc, self._workspace = proc, workspace
        # Stops the process and removes the workspace when the backend is closed, collected, or
        # the interpreter exits (whichever comes first).
        self._finalizer = weakref.finalize(self, _terminate, proc, workspace, os.getpid())
        self._pid = os.getpid()
        self._responses = queue.Queue()
        self._stubs = None
        assert proc.stdout is not None and proc.stdin is not None
        threading.Thread(
            target=_read_loop,
            args=(proc.stdout, proc.stdin, self._write_lock, self._responses),
            name='monty-ty-server',
            daemon=True,
        ).start()
        root = Path(self._workspace).as_uri()
        result = self._request(
            'initialize',
            {
                'processId': os.getpid(),
                'rootUri': root,
                'workspaceFolders': [{'uri': root, 'name': 'monty'}],
                'capabilities': {
                    'general': {'positionEncodings': ['utf-32', 'utf-16']},
                    'textDocument': {'diagnostic': {'dynamicRegistration': False}},
                },
                'initializationOptions': {},
            },
            timeout=max(self.timeout, 10.0),
        )
        self._encoding = str(result.get('capabilities', {}).get('positionEncoding', 'utf-16'))
        self._notify('initialized', {})
        for name in (STUBS_FILE, MAIN_FILE):
            self._version += 1
            self._notify(
                'textDocument/didOpen',
                {'textDocument': {'uri': self._uri(name), 'languageId': 'python', 'version': 1, 'text': ''}},
            )
        self._stubs = ''

    def _kill(self) -> None:
        finalizer = self._finalizer
        self._proc = None
        self._workspace = None
        self._stubs = None
        self._finalizer = None
        if finalizer is not None:
            if self._pid == os.getpid():
                finalizer()
            else:
                finalizer.detach()  # forked: the process and workspace are the parent's

    def _uri(self, name: str) -> str:
        assert self._workspace is not None
        return Path(self._workspace, name).as_uri()

    # LSP ----------------------------------------------------------------------------------------

    def _change(self, uri: str, text: str) -> None:
        if uri.endswith(STUBS_FILE) and self._workspace is not None:
            # The open document is what ty reads; the file on disk must exist for module lookup.
            Path(self._workspace, STUBS_FILE).write_text(text, encoding='utf-8')
        self._version += 1
        self._notify(
            'textDocument/didChange',
            {
                'textDocument': {'uri': uri, 'version': self._version},
                'contentChanges': [{'text': text}],
            },
        )

    def _pull(self, name: str, text: str) -> list[RawDiagnostic]:
        report = self._request(
            'textDocument/diagnostic', {'textDocument': {'uri': self._uri(name)}}, timeout=self.timeout
        )
        if report.get('kind', 'full') != 'full':
            raise BackendFailed(f'unexpected diagnostic report kind {report.get("kind")!r}')
        lines = split_lines(text)
        out: list[RawDiagnostic] = []
        for item in report.get('items', []):
            raw = self._from_lsp(item, lines)
            if raw is not None:
                out.append(raw)
        return out

    def _from_lsp(self, item: dict[str, Any], lines: list[str]) -> RawDiagnostic | None:
        severity = _severity(item.get('severity', 1))
        if severity is None:
            return None
        message, notes = _split_message(str(item['message']), self._workspace or '')
        start, end = item['range']['start'], item['range']['end']
        line, end_line = int(start['line']), int(end['line'])
        return RawDiagnostic(
            str(item.get('code') or 'ty'),
            severity,
            message,
            notes,
            line + 1,
            self._column(lines, line, int(start['character'])) + 1,
            end_line + 1,
            self._column(lines, end_line, int(end['character'])) + 1,
        )

    def _column(self, lines: list[str], line: int, units: int) -> int:
        """An LSP character offset in the negotiated encoding -> code points."""
        if self._encoding == 'utf-32' or not 0 <= line < len(lines) or lines[line].isascii():
            return units
        text = lines[line]
        if self._encoding == 'utf-8':
            return len(text.encode()[:units].decode('utf-8', errors='replace'))
        encoded = text.encode('utf-16-le')[: units * 2]
        return len(encoded.decode('utf-16-le', errors='replace'))

    def _send(self, message: dict[str, Any]) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None:
            raise BackendFailed('ty server is not running')
        _write_message(proc.stdin, self._write_lock, message)

    def _notify(self, method: str, params: Any) -> None:
        self._send({'jsonrpc': '2.0', 'method': method, 'params': params})

    def _request(self, method: str, params: Any, *, timeout: float) -> dict[str, Any]:
        self._next_id += 1
        request_id = self._next_id
        self._send({'jsonrpc': '2.0', 'id': request_id, 'method': method, 'params': params})
        while True:
            try:
                message = self._responses.get(timeout=timeout)
            except queue.Empty:
                raise BackendFailed(f'ty server did not answer {method} within {timeout:g}s') from None
            if message is None:
                raise BackendFailed('ty server exited')
            if message.get('id') != request_id:
                continue  # the answer to an earlier, abandoned request
            if 'error' in message:
                raise BackendFailed(f'ty server refused {method}: {message["error"]}')
            result = message.get('result')
            return result if isinstance(result, dict) else {}


def _write_message(stdin: IO[bytes], lock: threading.Lock, message: dict[str, Any]) -> None:
    body = json.dumps(message).encode()
    with lock:
        try:
            stdin.write(b'Content-Length: %d\r\n\r\n%s' % (len(body), body))
            stdin.flush()
        except (OSError, ValueError) as error:
            raise BackendFailed(f'ty server stopped: {error}') from error


def _read_loop(
    stdout: IO[bytes],
    stdin: IO[bytes],
    write_lock: threading.Lock,
    responses: queue.Queue[dict[str, Any] | None],
) -> None:
    """The server's output: responses go to the queue; its requests are answered at once.
    (Holds no reference to the backend, so that an abandoned backend can be collected.)"""
    try:
        for message in _read_messages(stdout):
            if 'method' in message:
                if 'id' in message:  # a request from the server: accept it, ask for nothing
                    result: Any = None
                    if message['method'] == 'workspace/configuration':
                        result = [None] * len(message.get('params', {}).get('items', []))
                    with contextlib.suppress(BackendFailed):
                        _write_message(
                            stdin, write_lock, {'jsonrpc': '2.0', 'id': message['id'], 'result': result}
                        )
                continue  # notifications (logs, progress) are not needed
            responses.put(message)
    except (OSError, ValueError):
        pass
    finally:
        responses.put(None)


def _terminate(proc: subprocess.Popen[bytes], workspace: str, owner_pid: int) -> None:
    if os.getpid() != owner_pid:
        return  # in a forked child: the process and the workspace are the parent's
    if proc.poll() is None:
        proc.kill()
    with contextlib.suppress(Exception):
        proc.wait(timeout=2.0)
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    shutil.rmtree(workspace, ignore_errors=True)


def _read_messages(stdout: IO[bytes]) -> Iterator[dict[str, Any]]:
    while True:
        length = -1
        while True:
            header = stdout.readline()
            if not header:
                return
            header = header.strip()
            if not header:
                break
            name, _, value = header.partition(b':')
            if name.strip().lower() == b'content-length':
                length = int(value.strip())
        if length < 0:
            continue
        body = stdout.read(length)
        if len(body) < length:
            return
        with contextlib.suppress(ValueError):
            message = json.loads(body)
            if isinstance(message, dict):
                yield message


_live_servers: weakref.WeakSet[ServerBackend] = weakref.WeakSet()


@atexit.register
def _close_servers() -> None:
    for server in list(_live_servers):
        with contextlib.suppress(Exception):
            server.close()


def default_python_version() -> str:
    return f'{sys.version_info.major}.{sys.version_info.minor}'


Backend = Literal['auto', 'server', 'cli']
