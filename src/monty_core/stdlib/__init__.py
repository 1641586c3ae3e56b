"""The sandbox's standard library: one module here per sandbox module (or small group), each registering
itself with `runtime.modules.register_module`.

Each module exposes an allow-listed surface, implemented over CPython's own implementation where that
is safe, with no path to host internals. See docs/stdlib.md for what each module offers and leaves out.
"""

from __future__ import annotations

from . import (
    asyncio_module,
    bytes_module,
    collections_module,
    dataclasses_module,
    datetime_module,
    enum_module,
    functools_module,
    io_module,
    itertools_module,
    json_module,
    lang_module,
    math_module,
    numbers_module,
    re_module,
    sys_module,
    text_module,
    typing_module,
)

__all__ = [
    'asyncio_module',
    'bytes_module',
    'collections_module',
    'dataclasses_module',
    'datetime_module',
    'enum_module',
    'functools_module',
    'io_module',
    'itertools_module',
    'json_module',
    'lang_module',
    'math_module',
    'numbers_module',
    're_module',
    'sys_module',
    'text_module',
    'typing_module',
]
