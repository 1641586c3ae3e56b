"""`monty doctor` starts a worker and prints every confinement check."""

from __future__ import annotations

import pytest

from monty_core.cli import main
from monty_core.process.confine import landlock_abi


def test_doctor(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(['doctor'])
    out = capsys.readouterr().out
    for name in (
        'clean_environment',
        'no_inherited_fds',
        'RLIMIT_FSIZE',
        'no_new_privs',
        'landlock',
        'seccomp',
        'no_socket',
        'host_rlimits',
    ):
        assert name in out
    if landlock_abi():
        assert status == 0 and 'checks pass' in out
    else:  # pragma: no cover
        assert status == 1 and 'FAIL' in out
