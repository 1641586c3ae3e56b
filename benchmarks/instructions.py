"""Compare two monty source trees by instructions executed (valgrind's callgrind), program by program.

Timings on a shared 2-core machine move by 10-30 % between runs; instruction counts are repeatable
to a fraction of a percent whatever else the machine does. For each run-time program this runs monty
at two sizes in fresh processes under callgrind and keeps the difference (which cancels start-up,
imports and compilation), once per tree, and prints the ratio `new / base` and its geometric mean.

```bash
git worktree add /tmp/base <rev>        # the tree to compare against
python benchmarks/instructions.py /tmp/base/src src
python benchmarks/instructions.py /tmp/base/src src --programs method_calls,objects --module-level
```

Needs `valgrind` (Debian's package). About a minute per program.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import programs as P  # noqa: E402

_RUNNER = r"""
import sys
sys.path.insert(0, {here!r})
import programs as P
import monty_core
name, n, module_level = sys.argv[1], int(sys.argv[2]), sys.argv[3] == '1'
prog = {{p.name: p for p in P.PROGRAMS}}[name]
body = prog.body + '\n' + prog.result
wrapped = 'def main(N):\n' + '\n'.join('    ' + line for line in prog.body.splitlines())
wrapped += '\n    return ' + prog.result + '\nmain(N)'
ext = dict(prog.externals)
m = monty_core.Monty(body if module_level else wrapped, inputs=['N'], external_functions=list(ext))
m.run(inputs={{'N': 1}}, external_functions=ext)
m.run(inputs={{'N': n}}, external_functions=ext, limits={{'max_duration_secs': None, 'max_memory': None}})
"""


def count(src: str, program: str, n: int, module_level: bool) -> int:
    """Instructions executed by one process running `program` at size `n` with monty from `src`."""
    env = {**os.environ, 'PYTHONPATH': src, 'PYTHONHASHSEED': '0'}
    done = subprocess.run(
        [
            'valgrind',
            '--tool=callgrind',
            '--callgrind-out-file=/dev/null',
            sys.executable,
            '-c',
            _RUNNER.format(here=str(HERE)),
            program,
            str(n),
            '1' if module_level else '0',
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    found = re.search(r'Collected : (\d+)', done.stderr)
    if found is None:
        raise RuntimeError(f'callgrind gave no count for {program}:\n{done.stderr[-2000:]}')
    return int(found.group(1))


def sizes(program: P.Program) -> tuple[int, int]:
    # fib grows ~1.6x per step: six steps is ~18x the work.
    if program.name == 'recursion':
        return program.quick_n, program.quick_n + 6
    return program.quick_n, 6 * program.quick_n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('base', help="the baseline tree's src directory")
    parser.add_argument('new', help="the compared tree's src directory")
    parser.add_argument('--programs', help='comma-separated program names (default: all)')
    parser.add_argument('--module-level', action='store_true', help='module-level variants, not functions')
    args = parser.parse_args()
    wanted = set(args.programs.split(',')) if args.programs else None
    ratios: list[float] = []
    for program in P.PROGRAMS:
        if wanted is not None and program.name not in wanted:
            continue
        small, big = sizes(program)
        base = count(args.base, program.name, big, args.module_level) - count(
            args.base, program.name, small, args.module_level
        )
        new = count(args.new, program.name, big, args.module_level) - count(
            args.new, program.name, small, args.module_level
        )
        ratios.append(new / base)
        print(f'{program.name:22s} base {base:>14,} new {new:>14,} ratio {new / base:.3f}', flush=True)
    if ratios:
        print(f'geometric mean {math.exp(sum(map(math.log, ratios)) / len(ratios)):.3f}')


if __name__ == '__main__':
    main()
