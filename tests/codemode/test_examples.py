"""The code-mode and sandbox examples run and check what they print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / 'examples'


@pytest.mark.parametrize(
    'name', ['codemode_agent.py', 'start_resume.py', 'snapshots_across_processes.py', 'type_checking.py']
)
def test_example(name: str) -> None:
    proc = subprocess.run([sys.executable, str(EXAMPLES / name)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith('OK'), proc.stdout
