"""`collections.abc` in the sandbox: CPython's ABCs, for `isinstance` / `issubclass` checks. Subclassing one
(`class M(Mapping)`) needs metaclass support in the sandbox (absent).
"""

from __future__ import annotations

import collections.abc as _abc
from typing import Any

from ..runtime.modules import RunContext

_ABC_NAMES = (
    'Awaitable',
    'Coroutine',
    'AsyncIterable',
    'AsyncIterator',
    'AsyncGenerator',
    'Hashable',
    'Iterable',
    'Iterator',
    'Generator',
    'Reversible',
    'Sized',
    'Container',
    'Callable',
    'Collection',
    'Set',
    'MutableSet',
    'Mapping',
    'MutableMapping',
    'MappingView',
    'KeysView',
    'ItemsView',
    'ValuesView',
    'Sequence',
    'MutableSequence',
    'ByteString',
)


def _abc_factory(ctx: RunContext) -> dict[str, Any]:
    return {name: getattr(_abc, name) for name in _ABC_NAMES}
