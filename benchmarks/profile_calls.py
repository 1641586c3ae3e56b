"""Count the calls one monty run of a benchmark program makes into monty's runtime.

    python benchmarks/profile_calls.py objects nested_data host_calls
    python benchmarks/profile_calls.py --module --top 20 word_count

Sampling profilers (py-spy) and cProfile's timings attribute time poorly across the greenlet
switches of a run, but cProfile's call *counts* are exact: they show which runtime guards and helpers
a program leaves the compiled bytecode for, and how often (`guarded_getattr` for a guarded attribute
read, `mul` for a size-checked `*`, `sum`/`_meter_first` for the metered builtins, `loop_iter` for
every loop start, `host_call` per host function call, ...). Multiply by a per-call cost measured on
its own to see where a run goes. Not run by `bench.py`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engines import MontyEngine, Source
from programs import PROGRAMS


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('programs', nargs='+', help='program names from programs.py')
    parser.add_argument(
        '--module', action='store_true', help='the module-level form (default: in a function)'
    )
    parser.add_argument('--top', type=int, default=12, help='rows per program')
    parser.add_argument('--with-c', action='store_true', help='also count C functions (builtins, methods)')
    args = parser.parse_args()
    by_name = {p.name: p for p in PROGRAMS}
    unknown = [n for n in args.programs if n not in by_name]
    if unknown:
        raise SystemExit(f'unknown program(s): {", ".join(unknown)}')
    engine = MontyEngine()
    engine.load()
    for name in args.programs:
        program = by_name[name]
        form = Source.module if args.module else Source.function
        runner = engine.prepare(form(program.body, program.result), ['N'], program.externals)
        inputs = {'N': program.n}
        runner(inputs)  # warm-up: imports, caches
        start = time.perf_counter()
        runner(inputs)
        elapsed = time.perf_counter() - start
        profile = cProfile.Profile()
        profile.enable()
        runner(inputs)
        profile.disable()
        rows = []
        for (filename, _, function), (_, calls, *_rest) in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
            if 'monty_core' in filename:
                where = filename.split('monty_core/', 1)[1]
            elif filename == '~' and (args.with_c or 'greenlet' in function):
                where = 'C'
            else:
                continue
            rows.append((calls, f'{where}: {function}'))
        rows.sort(reverse=True)
        form_name = 'module' if args.module else 'function'
        print(
            f'{name} (N={program.n}, {form_name}): one unprofiled run {elapsed * 1e3:.1f} ms; calls per run:'
        )
        for calls, label in rows[: args.top]:
            print(f'  {calls:>9}  {label}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
