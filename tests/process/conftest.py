"""Shared pools for the process-tier tests: one plain, one with the test-only holes planted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from monty_core.process import ProcessPool


@pytest.fixture(scope='session')
def pool() -> Iterator[ProcessPool]:
    with ProcessPool(max_workers=2) as p:
        p.warm_up()
        yield p


@pytest.fixture(scope='session')
def holed() -> Iterator[ProcessPool]:
    """Workers whose runs get `hole(src)` (unguarded host Python inside the worker) and `crash()`
    when they declare those inputs: a guard bug planted on purpose, to test what the OS still holds."""
    with ProcessPool(max_workers=2, _test_switches=('hole', 'crash')) as p:
        p.warm_up()
        yield p
