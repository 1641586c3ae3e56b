"""`fnmatch` in the sandbox: CPython's `translate` and matching, with each run's own cache of compiled
patterns (CPython's is one `lru_cache` for the process). `filter` ticks the meter per name; patterns
are at most `MAX_PATTERN` characters (`translate` loops over them in host code)."""

from __future__ import annotations

import fnmatch as _fnmatch
import re as _re
from typing import Any

from ..runtime.modules import RunContext
from ._support import ticked

MAX_PATTERN = 65536
_CACHE_SIZE = 256


def _fnmatch_factory(ctx: RunContext) -> dict[str, Any]:
    cache: dict[Any, Any] = {}

    def translate(pat: Any) -> str:
        if isinstance(pat, str) and len(pat) > MAX_PATTERN:
            raise ValueError(
                f'fnmatch pattern too long for the sandbox ({len(pat)} characters, at most {MAX_PATTERN})'
            )
        return _fnmatch.translate(pat)

    def compiled(pat: Any) -> Any:
        key = (type(pat), pat)
        match = cache.get(key)
        if match is None:
            if isinstance(pat, bytes):
                res = bytes(translate(str(pat, 'ISO-8859-1')), 'ISO-8859-1')
            else:
                res = translate(pat)
            match = _re.compile(res).match
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[key] = match
        return match

    def fnmatchcase(name: Any, pat: Any) -> bool:
        return compiled(pat)(name) is not None

    def fnmatch(name: Any, pat: Any) -> bool:
        # POSIX `os.path.normcase` is the identity: `fnmatch` is `fnmatchcase` (after its type checks).
        if not isinstance(name, (str, bytes)):
            raise TypeError(f'expected str, bytes or os.PathLike object, not {type(name).__name__}')
        return fnmatchcase(name, pat)

    def filter(names: Any, pat: Any) -> list[Any]:
        match = compiled(pat)
        return [name for name in ticked(ctx, iter(names)) if match(name)]

    for fn in (translate, fnmatch, fnmatchcase, filter):
        fn.__doc__ = getattr(_fnmatch, fn.__name__).__doc__
        fn.__module__ = 'fnmatch'
    return {'fnmatch': fnmatch, 'fnmatchcase': fnmatchcase, 'filter': filter, 'translate': translate}
