"""Resource limits: the public `ResourceLimits`, their defaults, and the one function that checks them.

Every entry point (`Monty.run`/`start`, `run_monty_async`, `MontyRepl`, snapshot loading, code mode)
resolves the limits it is given here, before anything runs, so a bad value fails at once with an
error naming the key and what it accepts, never later inside the user's program.

```python
from monty_core.limits import resolve_limits

limits = resolve_limits({'max_duration_secs': 2, 'max_memory': None})
assert limits.max_duration_secs == 2.0 and limits.max_memory is None
assert limits.max_output_bytes == 10 * 1024 * 1024  # a key left out takes its default
```

One rule for `None`, for every key: the sandbox enforces no limit of that kind. (For
`max_recursion_depth`, CPython's own recursion limit still applies and raises `RecursionError`.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, TypedDict

__all__ = ['DEFAULT_LIMITS', 'Limits', 'ResourceLimits', 'resolve_limits']


class ResourceLimits(TypedDict, total=False):
    """Limits for one run. Omitted keys take the defaults in `DEFAULT_LIMITS`; `None` disables a limit.

    - `max_duration_secs`: seconds of sandbox execution (time paused at host calls does not count).
    - `max_memory`: bytes the run may use (see docs/limits.md for how it is measured).
    - `max_allocations`: number of allocations the run may make.
    - `max_recursion_depth`: nested sandbox function calls; deeper raises `RecursionError`.
    - `max_output_bytes`: bytes of printed output.
    """

    max_duration_secs: float | None
    max_memory: int | None
    max_allocations: int | None
    max_recursion_depth: int | None
    max_output_bytes: int | None


@dataclass(frozen=True, slots=True)
class Limits:
    """Resolved resource limits (`resolve_limits`): every key present, every value checked."""

    max_duration_secs: float | None = 30.0
    max_memory: int | None = 256 * 1024 * 1024
    max_allocations: int | None = None
    max_recursion_depth: int | None = 1000
    max_output_bytes: int | None = 10 * 1024 * 1024

    def as_dict(self) -> dict[str, Any]:
        """The limits as a plain dict (`ResourceLimits` keys), as snapshots store them."""
        return asdict(self)


DEFAULT = Limits()
DEFAULT_LIMITS: ResourceLimits = ResourceLimits(**DEFAULT.as_dict())  # type: ignore[typeddict-item]
KEYS: tuple[str, ...] = tuple(f.name for f in fields(Limits))

# key -> (accepts a float, the smallest value allowed, what the error says it wants)
_RULES: dict[str, tuple[bool, float, str]] = {
    'max_duration_secs': (True, 0.0, 'a positive number of seconds'),
    'max_memory': (False, 1, 'a positive int (bytes)'),
    'max_allocations': (False, 0, 'a non-negative int'),
    'max_recursion_depth': (False, 1, 'a positive int'),
    'max_output_bytes': (False, 0, 'a non-negative int (bytes)'),
}


def _check(key: str, value: Any) -> Any:
    if value is None:
        return None
    accepts_float, least, wanted = _RULES[key]
    kind = type(value)
    ok = kind is int or (accepts_float and kind is float)
    if ok and kind is float and not math.isfinite(value):
        ok = False
    if ok and (value < least or (key == 'max_duration_secs' and value <= 0)):
        ok = False
    if not ok:
        raise ValueError(f'resource limit {key!r} must be {wanted} or None, not {value!r}')
    return float(value) if accepts_float else value


def resolve_limits(limits: object, defaults: Limits = DEFAULT) -> Limits:
    """Check `limits` (a `ResourceLimits` dict, or None for the defaults) and fill in the defaults.

    Raises:
        TypeError: `limits` is not a dict, or names an unknown key.
        ValueError: a value of the wrong type or out of range (the message names the key).
    """
    if limits is None:
        return defaults
    if isinstance(limits, Limits):
        return limits
    if not isinstance(limits, Mapping):
        raise TypeError(f'limits must be a dict of resource limits or None, not {type(limits).__name__}')
    unknown = [k for k in limits if k not in _RULES]
    if unknown:
        raise TypeError(
            f'unknown resource limit(s): {", ".join(sorted(map(str, unknown)))} '
            f'(valid keys: {", ".join(KEYS)})'
        )
    values = defaults.as_dict()
    values.update({key: _check(key, value) for key, value in limits.items()})
    return Limits(**values)
