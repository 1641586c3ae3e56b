"""Checks of what the host hands a run besides limits (limits.py): `inputs=` and `external_functions=`.

Each raises `TypeError` naming what was wrong, before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ['given_functions', 'given_inputs']


def given_inputs(inputs: object) -> dict[str, Any]:
    """The `inputs=` of a run as a dict, refusing anything that is not a dict of names to values."""
    if inputs is None:
        return {}
    if not isinstance(inputs, Mapping):
        raise TypeError(f'inputs must be a dict of input names to values, not {type(inputs).__name__}')
    bad = [k for k in inputs if not isinstance(k, str)]
    if bad:
        raise TypeError(f'input names must be strings, not {bad[0]!r}')
    return dict(inputs)


def given_functions(functions: object) -> dict[str, Callable[..., Any]]:
    """The `external_functions=` of a run as a dict of names to callables."""
    if functions is None:
        return {}
    if not isinstance(functions, Mapping):
        raise TypeError(
            f'external_functions must be a dict of names to callables, not {type(functions).__name__}'
        )
    for name, fn in functions.items():
        if not isinstance(name, str):
            raise TypeError(f'external function names must be strings, not {name!r}')
        if not callable(fn):
            raise TypeError(f'external function {name!r} is not callable')
    return dict(functions)
