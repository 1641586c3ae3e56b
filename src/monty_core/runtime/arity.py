"""CPython's own messages for builtins called with the wrong arguments, for the sandbox's versions of
those builtins (Python functions, whose binding errors would read `repr() missing 1 required positional
argument: 'obj'` where CPython says `repr() takes exactly one argument (0 given)`).

The functions take a `NOARG` default (or `*args`) and call these only on the error path: a correct call
costs one identity test."""

from __future__ import annotations

NOARG: object = object()  # "not given" (a default no caller passes)


def exactly_one(name: str, given: int) -> TypeError:
    """`METH_O` builtins: `repr()`, `hash(1, 2)`."""
    return TypeError(f'{name}() takes exactly one argument ({given} given)')


def expected(name: str, given: int, least: int, most: int) -> TypeError:
    """`_PyArg_CheckPositional` builtins: `getattr(x)`, `divmod(1)`, `dir(1, 2)`."""
    s = '' if (most if given > most else least) == 1 else 's'
    if least == most:
        return TypeError(f'{name} expected {least} argument{s}, got {given}')
    if given < least:
        return TypeError(f'{name} expected at least {least} argument{s}, got {given}')
    return TypeError(f'{name} expected at most {most} argument{s}, got {given}')


def at_most(name: str, given: int, most: int) -> TypeError:
    """Argument Clinic builtins given too many: `round(1, 2, 3)`, `enumerate(x, 1, 2)`."""
    return TypeError(f'{name}() takes at most {most} arguments ({given} given)')


def missing(name: str, arg: str, position: int | None = None) -> TypeError:
    """Argument Clinic builtins: `pow(1)`, `round()`, `enumerate()`."""
    where = '' if position is None else f' (pos {position})'
    return TypeError(f"{name}() missing required argument '{arg}'{where}")
