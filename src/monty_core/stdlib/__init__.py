"""The sandbox's standard library: one module here per sandbox module, each registering itself.

Each module exposes an allow-listed surface, implemented over CPython's own implementation where that
is safe, with no path to host internals.
"""

from __future__ import annotations

from . import asyncio_module, dataclasses_module, sys_module, typing_module

__all__ = ['asyncio_module', 'dataclasses_module', 'sys_module', 'typing_module']
