"""Type-check speed: cold (first check in a fresh process) and warm (repeated checks), for the
long-lived `ty server` backend and the `ty check`-per-check backend.

    python benchmarks/bench_typecheck.py [--runs N] [--json]

Targets (the issue): cold <= 100 ms, warm <= 20 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

CODE = """
async def agent(prompt: str, messages: Messages):
    while True:
        print(f'messages so far: {messages}')
        output = await call_llm(prompt, messages)
        if isinstance(output, str):
            return output
        messages.extend(output)

await agent(prompt, [])
"""

STUBS = """
from typing import Any

Messages = list[dict[str, Any]]

async def call_llm(prompt: str, messages: Messages) -> str | Messages:
    raise NotImplementedError()

prompt: str = ''
"""

# Run in a fresh interpreter: time the import, then the first check.
_COLD_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
from monty_core.typecheck import TypeChecker
t1 = time.perf_counter()
checker = TypeChecker(backend=sys.argv[1])
checker.check(sys.argv[2], stubs=sys.argv[3])
t2 = time.perf_counter()
print(json.dumps({'import': t1 - t0, 'check': t2 - t1}))
checker.close()
"""


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def cold(backend: str, runs: int) -> dict[str, float]:
    imports: list[float] = []
    checks: list[float] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, '-c', _COLD_SCRIPT, backend, CODE, STUBS],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        data = json.loads(out.strip().splitlines()[-1])
        imports.append(data['import'])
        checks.append(data['check'])
    return {
        'import_median_ms': _ms(statistics.median(imports)),
        'first_check_median_ms': _ms(statistics.median(checks)),
        'first_check_max_ms': _ms(max(checks)),
    }


def warm(backend: str, runs: int) -> dict[str, float]:
    from monty_core.typecheck import TypeChecker

    checker = TypeChecker(backend=backend)  # type: ignore[arg-type]
    checker.check(CODE, stubs=STUBS)
    times: list[float] = []
    for i in range(runs):
        code = CODE + f'\nx{i}: int = {i}\n'  # a new text each time: nothing is answered from a cache
        start = time.perf_counter()
        checker.check(code, stubs=STUBS)
        times.append(time.perf_counter() - start)
    # Alternating between two stubs texts (e.g. two agents sharing the process).
    switch: list[float] = []
    for i in range(max(runs // 2, 1)):
        stubs = STUBS + ('\nextra: int\n' if i % 2 else '')
        start = time.perf_counter()
        checker.check(CODE, stubs=stubs)
        switch.append(time.perf_counter() - start)
    checker.close()
    times.sort()
    return {
        'median_ms': _ms(statistics.median(times)),
        'p95_ms': _ms(times[int(len(times) * 0.95) - 1]),
        'stubs_switch_median_ms': _ms(statistics.median(switch)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=20)
    parser.add_argument('--json', action='store_true')
    args = parser.parse_args()
    results = {
        backend: {'cold': cold(backend, max(args.runs // 4, 3)), 'warm': warm(backend, args.runs)}
        for backend in ('server', 'cli')
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for backend, data in results.items():
        c, w = data['cold'], data['warm']
        print(
            f'{backend:6}  cold: first check {c["first_check_median_ms"]:7.2f} ms median '
            f'(max {c["first_check_max_ms"]:.2f}; import {c["import_median_ms"]:.2f} ms)   '
            f'warm: {w["median_ms"]:6.2f} ms median, p95 {w["p95_ms"]:.2f} ms, '
            f'stubs switch {w["stubs_switch_median_ms"]:.2f} ms'
        )


if __name__ == '__main__':
    main()
