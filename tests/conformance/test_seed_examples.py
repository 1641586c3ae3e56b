"""The seed's examples (../shared/examples, beside the checkout) run as written and print OK."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[3] / 'shared' / 'examples'
SCRIPTS = sorted(EXAMPLES.glob('seed_*.py')) if EXAMPLES.is_dir() else []


@pytest.mark.skipif(not SCRIPTS, reason='../shared/examples is not beside this checkout')
@pytest.mark.parametrize('script', SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_seed_example_runs(script: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(script)], cwd=root, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == 'OK', done.stdout[-2000:]
