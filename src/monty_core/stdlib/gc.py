"""`gc` in the sandbox: harmless no-ops for programs that call it out of habit. The host's collector is
never touched: `collect()` collects nothing and returns 0, `disable()`/`enable()` flip a flag of the
run that only `isenabled()` reads."""

from __future__ import annotations

from typing import Any

from ..runtime.modules import RunContext


def _gc_factory(ctx: RunContext) -> dict[str, Any]:
    state = {'enabled': True}

    def collect(generation: int = 2) -> int:
        """Run the garbage collector (a no-op in the sandbox: returns 0)."""
        if type(generation) is not int:
            raise TypeError(f"'{type(generation).__name__}' object cannot be interpreted as an integer")
        if not 0 <= generation <= 2:
            raise ValueError('invalid generation')
        return 0

    def enable() -> None:
        """Enable automatic garbage collection (for this run's `isenabled()` only)."""
        state['enabled'] = True

    def disable() -> None:
        """Disable automatic garbage collection (for this run's `isenabled()` only)."""
        state['enabled'] = False

    def isenabled() -> bool:
        """Returns true if automatic garbage collection is enabled."""
        return state['enabled']

    for fn in (collect, enable, disable, isenabled):
        fn.__module__ = 'gc'
    return {'collect': collect, 'enable': enable, 'disable': disable, 'isenabled': isenabled}
