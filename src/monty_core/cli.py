"""The `monty` command line (also `python -m monty_core`).

monty check FILE [--stubs STUBS] [--format full|concise|json]
monty run FILE [--input NAME=JSON ...] [--max-duration S] [--max-memory BYTES]
monty doctor   (start a process-tier worker and print each OS confinement check)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .api import Monty
from .errors import MontyError, MontyRuntimeError, MontySyntaxError


def _run_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog='monty run', description='Run a Python file in the monty sandbox (no host functions).'
    )
    parser.add_argument('file', help="the code to run ('-' reads standard input)")
    parser.add_argument(
        '--input', action='append', default=[], metavar='NAME=JSON', help='an input variable, as JSON'
    )
    parser.add_argument('--max-duration', type=float, default=None, metavar='S', help='time limit in seconds')
    parser.add_argument('--max-memory', type=int, default=None, metavar='BYTES', help='memory limit in bytes')
    return parser


def run_main(argv: Sequence[str]) -> int:
    """`monty run`: prints the program's output, then its result (or a traceback); exit 1 on errors."""
    args = _run_parser().parse_args(list(argv))
    source = sys.stdin.read() if args.file == '-' else Path(args.file).read_text(encoding='utf-8')
    inputs: dict[str, Any] = {}
    for item in args.input:
        name, sep, raw = item.partition('=')
        if not sep:
            print(f'monty run: --input expects NAME=JSON, got {item!r}', file=sys.stderr)
            return 2
        try:
            inputs[name] = json.loads(raw)
        except json.JSONDecodeError as e:
            print(f'monty run: --input {name}: invalid JSON: {e}', file=sys.stderr)
            return 2
    limits: dict[str, Any] = {}
    if args.max_duration is not None:
        limits['max_duration_secs'] = args.max_duration
    if args.max_memory is not None:
        limits['max_memory'] = args.max_memory
    name = '<stdin>' if args.file == '-' else Path(args.file).name
    try:
        result = Monty(source, inputs=list(inputs), script_name=name).run(inputs=inputs, limits=limits)
    except (MontyRuntimeError, MontySyntaxError) as e:
        sys.stdout.flush()
        print(e.display('traceback'), file=sys.stderr)
        return 1
    except MontyError as e:
        print(f'monty run: {e}', file=sys.stderr)
        return 1
    if result is not None:
        print(repr(result))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `monty` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ('-h', '--help'):
        print(__doc__.strip() if __doc__ else 'usage: monty {check,run} ...')
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == 'check':
        from .typecheck import check_main

        return check_main(rest)
    if command == 'run':
        return run_main(rest)
    if command == 'doctor':
        from .process.doctor import doctor_main

        return doctor_main(rest)
    print(f"monty: unknown command {command!r} (expected 'check', 'run' or 'doctor')", file=sys.stderr)
    return 2


if __name__ == '__main__':  # pragma: no cover
    sys.exit(main())
