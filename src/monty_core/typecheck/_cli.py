"""`monty check FILE [--stubs STUBS] [--format full|concise|json]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from monty_core.errors import MontyError

from ..diagnostics import render_diagnostics
from ._check import TypeChecker, type_check

__all__ = ['check_main']

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f'{self.prog}: error: {message}', file=sys.stderr)
        raise _UsageError


class _UsageError(Exception):
    pass


def _parser() -> _Parser:
    parser = _Parser(
        prog='monty check',
        description='Type check sandbox code with ty, against optional stubs (declarations of the inputs '
        'and host functions the code may use).',
    )
    parser.add_argument('file', help="the code to check ('-' reads standard input)")
    parser.add_argument('--stubs', help='a .pyi/.py file declaring inputs, host functions and types')
    parser.add_argument('--format', choices=('full', 'concise', 'json'), default='concise')
    parser.add_argument(
        '--input',
        action='append',
        default=[],
        metavar='NAME',
        help='an input name the code may use (declared `Any` unless the stubs declare it)',
    )
    parser.add_argument(
        '--external-function',
        action='append',
        default=[],
        metavar='NAME',
        help='a host function the code may call (declared untyped unless the stubs declare it)',
    )
    return parser


def check_main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    checker: TypeChecker | None = None,
) -> int:
    """`monty check`: the arguments after `check`. Prints the diagnostics (`FILE:LINE:COL: ...` in
    the default concise format) and returns 1 if any is an error, 0 if none is, 2 on a usage
    error (bad arguments, unreadable file, ty unavailable)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        old_stderr, sys.stderr = sys.stderr, err
        try:
            args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        finally:
            sys.stderr = old_stderr
    except _UsageError:
        return USAGE_ERROR
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    try:
        if args.file == '-':
            name, code = 'stdin', sys.stdin.read()
        else:
            name, code = args.file, Path(args.file).read_text(encoding='utf-8')
        stubs = Path(args.stubs).read_text(encoding='utf-8') if args.stubs else None
    except (OSError, UnicodeDecodeError) as error:
        print(f'monty check: error: {error}', file=err)
        return USAGE_ERROR
    try:
        diagnostics = type_check(
            code,
            stubs=stubs,
            script_name=name,
            inputs=args.input,
            external_functions=args.external_function,
            checker=checker,
        )
    except MontyError as error:
        print(f'monty check: error: {error}', file=err)
        return USAGE_ERROR
    failed = any(d.is_error for d in diagnostics)
    if args.format == 'json':
        print(render_diagnostics(diagnostics, name, 'json'), file=out)
    else:
        if diagnostics:
            print(render_diagnostics(diagnostics, name, args.format), file=out)
            if args.format == 'full':
                print(file=out)
        count = len(diagnostics)
        print(
            f'Found {count} diagnostic{"s" if count != 1 else ""}' if count else 'All checks passed!',
            file=out,
        )
    return 1 if failed else 0
