"""With a guard hole planted on purpose (`hole(src)` runs unguarded host Python inside the worker), the
OS still holds: no host environment, no secret file, no writes, no sockets, no programs, no signals to
the host; and what a compromised worker sends the host is validated, never unpickled."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from monty_core import Monty, MontyRuntimeError
from monty_core.process import ProcessPool
from monty_core.process.confine import landlock_abi

HOLE = Monty('hole(src)', inputs=['hole', 'src'])


def through_hole(pool: ProcessPool, source: str) -> Any:
    return HOLE.run(inputs={'hole': None, 'src': source}, isolation=pool)


def attempt(pool: ProcessPool, action: str) -> str:
    """Run `action` in the worker; 'ok' if it worked, else the exception's type name."""
    source = f'try:\n    {action}\n    result = "ok"\nexcept Exception as e:\n    result = type(e).__name__'
    return through_hole(pool, source)


def test_the_hole_is_real(holed: ProcessPool) -> None:
    assert through_hole(holed, 'import os\nresult = os.getpid() != 0') is True


def test_no_host_environment(holed: ProcessPool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv('MONTY_TEST_SECRET', 'hunter2')
    environ = through_hole(holed, 'import os\nresult = dict(os.environ)')
    assert 'MONTY_TEST_SECRET' not in environ and set(environ) <= {'LC_ALL'}
    assert attempt(holed, f'open("/proc/{os.getpid()}/environ").read()') == 'PermissionError'


def test_no_secret_file(holed: ProcessPool, tmp_path: Path) -> None:
    secret = tmp_path / 'secret.txt'
    secret.write_text('top secret')
    assert attempt(holed, f'open({str(secret)!r}).read()') == 'PermissionError'
    assert attempt(holed, 'open("/etc/passwd").read()') == 'PermissionError'
    assert attempt(holed, 'import os\n    os.listdir("/")') == 'PermissionError'
    # ... while the Python installation stays readable
    assert attempt(holed, 'import os\n    open(os.__file__).read(10)') == 'ok'


def test_no_writes(holed: ProcessPool, tmp_path: Path) -> None:
    target = tmp_path / 'written.txt'
    assert attempt(holed, f'open({str(target)!r}, "w").write("x")') == 'PermissionError'
    assert attempt(holed, 'import os\n    os.__file__ and open(os.__file__, "a")') == 'PermissionError'
    assert attempt(holed, f'import os\n    os.mkdir({str(tmp_path / "d")!r})') == 'PermissionError'
    assert not target.exists() and not (tmp_path / 'd').exists()


def test_no_network_no_programs_no_signals(holed: ProcessPool) -> None:
    assert attempt(holed, 'import socket\n    socket.socket()') == 'PermissionError'
    assert attempt(holed, 'import socket\n    socket.socket(socket.AF_UNIX)') == 'PermissionError'
    assert attempt(holed, 'import os\n    os.execv("/bin/sh", ["sh", "-c", "true"])') == 'PermissionError'
    assert attempt(holed, 'import os\n    os.fork()') == 'PermissionError'
    assert attempt(holed, 'import subprocess\n    subprocess.run(["true"])') in (
        'PermissionError',
        'ImportError',
    )
    assert (
        attempt(holed, f'import os, signal\n    os.kill({os.getpid()}, signal.SIGTERM)') == 'PermissionError'
    )
    assert attempt(holed, 'import resource\n    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))') in (
        'PermissionError',
        'ValueError',
    )


def test_the_checks_hold_on_this_machine(pool: ProcessPool) -> None:
    worker = pool.workers()[0]
    assert worker.ready is not None
    failed = [c for c in worker.ready.checks if not c[1]]
    if landlock_abi() == 0:  # pragma: no cover (kernels without Landlock)
        failed = [c for c in failed if c[0] not in ('landlock', 'no_read_outside')]
    assert failed == []


# -- a compromised worker attacks the protocol ----------------------------------------------------------
def test_oversized_message_kills_the_worker(holed: ProcessPool) -> None:
    with pytest.raises(MontyRuntimeError, match='broke the protocol') as e:
        through_hole(
            holed, 'import os\nos.write(1, bytes([0, 255, 255, 255, 255]))\nimport time\ntime.sleep(5)'
        )
    assert 'bytes' in e.value.message
    assert Monty('1 + 1').run(isolation=holed) == 2


@pytest.mark.parametrize(
    'frame',
    [
        b'\x00\x00\x00\x00\x03abc',  # not msgpack
        b'\x00\x00\x00\x00\x02\x91\xa4',  # truncated
        b'\x00\x00\x00\x00\x07\x92\xa4done\x01',  # a done without its fields
        b'\x07\x00\x00\x00\x01\xc0',  # unknown format
        # a pickle, as a pickle-based pool would accept: rejected as data
        b'\x00\x00\x00\x00\x0f\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.\x00\x00',
    ],
)
def test_malformed_messages_kill_the_worker(holed: ProcessPool, frame: bytes) -> None:
    with pytest.raises(MontyRuntimeError, match='broke the protocol'):
        through_hole(holed, f'import os\nos.write(1, {frame!r})\nimport time\ntime.sleep(5)')


def test_forged_values_are_validated(holed: ProcessPool) -> None:
    from monty_core.process import wire

    forged = [
        wire.Done({'no such tag': 1}, 0.0, False),
        wire.Call(1, 'f', {'t': [1]}, [1, 2], False),  # kwargs not a dict
        wire.Failed({'kind': 'runtime', 'message': 'x'}, 0.0, False),  # no type name
        wire.Printed('/etc/passwd', 'x'),
    ]
    for message in forged:
        frame = wire.encode(message)
        with pytest.raises(MontyRuntimeError, match='broke the protocol'):
            through_hole(holed, f'import os\nos.write(1, {frame!r})\nimport time\ntime.sleep(5)')
