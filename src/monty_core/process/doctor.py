"""`monty doctor`: start one worker of the process tier and print each confinement check.

```
$ monty doctor
monty doctor: process tier on Linux 6.x, Python 3.11.7
  pass  clean_environment   no host variables
  ...
all 16 checks pass
```

Exit status 0 when every check passes, 1 when some fail (the tier still runs with what exists), 2 when
no worker could start.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
from collections.abc import Sequence

from .confine import landlock_abi
from .pool import ProcessPool, WorkerProcess

__all__ = ['doctor_main']


def _host_limits(worker: WorkerProcess) -> tuple[str, bool, str]:
    """Whether the host can set the worker's RLIMIT_AS and RLIMIT_CPU from outside (per run)."""
    want_as, want_cpu = worker.ready.vm_bytes + 2**30 if worker.ready else 2**31, 3600
    worker.set_limit(resource.RLIMIT_AS, want_as)
    worker.set_limit(resource.RLIMIT_CPU, want_cpu)
    try:
        got = (
            resource.prlimit(worker.pid, resource.RLIMIT_AS)[0],
            resource.prlimit(worker.pid, resource.RLIMIT_CPU)[0],
        )
    except OSError as e:
        return ('host_rlimits', False, f'prlimit on the worker failed: {e}')
    ok = got == (want_as, want_cpu)
    return (
        'host_rlimits',
        ok,
        'RLIMIT_AS and RLIMIT_CPU set per run by the host (prlimit); wall-clock kill at limit + 0.5 s',
    )


def doctor_main(argv: Sequence[str] = ()) -> int:
    """`monty doctor`: start a worker, print each confinement check with pass/fail; 0 if all pass."""
    if argv and argv[0] in ('-h', '--help'):
        print(__doc__.strip() if __doc__ else 'usage: monty doctor')
        return 0
    print(
        f'monty doctor: process tier on {platform.system()} {platform.release()}, '
        f'Python {platform.python_version()}, Landlock ABI {landlock_abi() or "none"}'
    )
    pool = ProcessPool(max_workers=1)
    try:
        pool.warm_up()
        workers = pool.workers()
        ready = workers[0].ready if workers else None
        if ready is None:
            raise RuntimeError('no worker became ready')
        worker = workers[0]
        rss = worker.rss_bytes() / 2**20
        host_limits = _host_limits(worker)
    except Exception as e:
        print(f'  FAIL  worker_start        {type(e).__name__}: {e}', file=sys.stderr)
        return 2
    finally:
        pool.shutdown()
    width = max(len(name) for name, _, _ in ready.checks)
    for name, ok, detail in ready.checks:
        print(f'  {"pass" if ok else "FAIL"}  {name:<{width}}  {detail}')
    checks = [*ready.checks, host_limits]
    name, ok, detail = host_limits
    print(f'  {"pass" if ok else "FAIL"}  {name:<{width}}  {detail}')
    print(f'  info  {"worker_rss":<{width}}  {rss:.1f} MiB after warm-up')
    uid = os.geteuid()
    print(
        f'  info  {"user":<{width}}  uid {uid}'
        + (' (root: not dropped; seccomp refuses set*id)' if uid == 0 else '')
    )
    failed = [name for name, ok, _ in checks if not ok]
    if failed:
        print(f'{len(failed)} of {len(checks)} checks fail: {", ".join(failed)}')
        return 1
    print(f'all {len(checks)} checks pass')
    return 0
