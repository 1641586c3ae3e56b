"""Shared fixtures for the security suite: a canary secret that must never reach the host's view."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from monty_core import Monty, MontyError
from monty_core.runtime.modules import available_modules

SECRET_VAR = 'MONTY_CANARY_SECRET'


@dataclass
class Outcome:
    """Everything the host received from one run."""

    result: Any = None
    error: MontyError | None = None
    output: str = ''
    host_calls: list[tuple[Any, ...]] = field(default_factory=list)

    def everything(self) -> str:
        parts = [repr(self.result), self.output, repr(self.host_calls)]
        if self.error is not None:
            parts += [str(self.error), repr(self.error), self.error.display('traceback')]
            exc = getattr(self.error, 'exception', None)
            if exc is not None:
                parts.append(repr(exc()))
        return '\n'.join(parts)


@dataclass
class Canary:
    secret: str
    path: Path
    root: Path

    def run(
        self,
        code: str,
        *,
        limits: dict[str, Any] | None = None,
        host: Callable[..., Any] | None = None,
    ) -> Outcome:
        """Run hostile `code` with the secret's file path and env var name as inputs and a `fetch`
        host function; check that nothing the host receives contains the secret, and that no file
        appears."""
        before = set(self.root.iterdir())
        cwd_before = set(Path.cwd().iterdir())
        out = Outcome()

        def fetch(*args: Any, **kwargs: Any) -> Any:
            out.host_calls.append((args, kwargs))
            return host(*args, **kwargs) if host is not None else 'fetched'

        chunks: list[str] = []
        m = Monty(code, inputs=['path', 'var'], external_functions=['fetch'])
        try:
            out.result = m.run(
                inputs={'path': str(self.path), 'var': SECRET_VAR},
                external_functions={'fetch': fetch},
                limits={'max_duration_secs': 5, **(limits or {})},
                print_callback=lambda stream, text: chunks.append(text),
            )
        except MontyError as e:
            out.error = e
        out.output = ''.join(chunks)
        assert self.secret not in out.everything(), f'secret leaked:\n{out.everything()[:2000]}'
        assert set(self.root.iterdir()) == before, 'a file was written'
        assert set(Path.cwd().iterdir()) == cwd_before, 'a file was written in the working directory'
        return out


@pytest.fixture
def canary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Canary]:
    secret = 'canary-' + secrets.token_hex(16)
    path = tmp_path / 'secret.txt'
    path.write_text(secret)
    monkeypatch.setenv(SECRET_VAR, secret)
    monkeypatch.chdir(tmp_path)
    yield Canary(secret, path, tmp_path)
    assert os.environ[SECRET_VAR] == secret


def has_module(name: str) -> bool:
    return name in available_modules()
