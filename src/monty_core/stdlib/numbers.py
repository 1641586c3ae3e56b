"""`numbers` in the sandbox: CPython's numeric ABCs, for `isinstance` / `issubclass` checks (as for
`collections.abc`, `register` and subclassing are not available)."""

from __future__ import annotations

import numbers as _numbers
from typing import Any

from ..runtime.modules import RunContext

_NAMES = ('Number', 'Complex', 'Real', 'Rational', 'Integral')


def _numbers_factory(ctx: RunContext) -> dict[str, Any]:
    return {name: getattr(_numbers, name) for name in _NAMES}
