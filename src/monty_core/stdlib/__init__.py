"""The sandbox's standard library: one module here per sandbox module (or small group), each registering
itself with `runtime.modules.register_module`.

Each module exposes an allow-listed surface, implemented over CPython's own implementation where that
is safe, with no path to host internals. See docs/stdlib.md for what each module offers and leaves out.
"""

from __future__ import annotations

from . import (
    asyncio,
    collections,
    copy,
    dataclasses,
    datetime,
    decimal,
    enum,
    functools,
    hashlib,
    io,
    itertools,
    json,
    math,
    re,
    sys,
    typing,
    urllib_parse,
)

__all__ = [
    'asyncio',
    'collections',
    'copy',
    'dataclasses',
    'datetime',
    'decimal',
    'enum',
    'functools',
    'hashlib',
    'io',
    'itertools',
    'json',
    'math',
    're',
    'sys',
    'typing',
    'urllib_parse',
]
