"""`contextlib` in the sandbox: `contextmanager`, `asynccontextmanager`, `suppress`, `nullcontext`, `closing`,
`aclosing`, `ExitStack`, `AsyncExitStack` (CPython's, except `closing`/`aclosing`, which call `close`
through the attribute guard). Left out: `redirect_stdout`/`redirect_stderr` (they swap the host's
`sys.stdout`), `chdir`, `AbstractContextManager`/`ContextDecorator` as bases.
"""

from __future__ import annotations

import contextlib as _cl
from typing import Any

from ..runtime.guards import guarded_getattr
from ..runtime.modules import RunContext
from ._support import allow


class closing(_cl.AbstractContextManager):  # type: ignore[type-arg]
    """Context to automatically close something at the end of a block."""

    __slots__ = ('_thing',)

    def __init__(self, thing: Any) -> None:
        self._thing = thing

    def __enter__(self) -> Any:
        return self._thing

    def __exit__(self, *exc_info: Any) -> None:
        guarded_getattr(self._thing, 'close')()


class aclosing(_cl.AbstractAsyncContextManager):  # type: ignore[type-arg]
    """Async context manager for safely finalizing an asynchronously cleaned-up resource."""

    __slots__ = ('_thing',)

    def __init__(self, thing: Any) -> None:
        self._thing = thing

    async def __aenter__(self) -> Any:
        return self._thing

    async def __aexit__(self, *exc_info: Any) -> None:
        await guarded_getattr(self._thing, 'aclose')()


for _cls in (
    _cl._GeneratorContextManager,
    _cl._AsyncGeneratorContextManager,
    _cl.suppress,
    _cl.nullcontext,  # type: ignore[attr-defined]
    closing,
    aclosing,
):
    allow(_cls, ())
allow(_cl.ExitStack, {'enter_context', 'push', 'callback', 'pop_all', 'close'})
allow(
    _cl.AsyncExitStack,
    {
        'enter_context',
        'push',
        'callback',
        'pop_all',
        'close',
        'enter_async_context',
        'push_async_exit',
        'push_async_callback',
        'aclose',
    },
)


def _contextlib_factory(ctx: RunContext) -> dict[str, Any]:
    return {
        'contextmanager': _cl.contextmanager,
        'asynccontextmanager': _cl.asynccontextmanager,
        'suppress': _cl.suppress,
        'nullcontext': _cl.nullcontext,
        'closing': closing,
        'aclosing': aclosing,
        'ExitStack': _cl.ExitStack,
        'AsyncExitStack': _cl.AsyncExitStack,
    }
