"""The process tier: the same engine in pre-started worker processes confined by the OS.

`Monty.run(..., isolation='process')` (or a `ProcessPool`) runs the program in a worker; see
docs/process-tier.md for what each tier guarantees.
"""

from __future__ import annotations

from .pool import ProcessPool, default_pool
from .runs import resolve_isolation, run_async, run_sync

__all__ = ['ProcessPool', 'default_pool', 'resolve_isolation', 'run_async', 'run_sync']
