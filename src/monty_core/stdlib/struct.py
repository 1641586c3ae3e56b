"""`struct` in the sandbox: CPython's C packing and unpacking, with every format weighed first.

One C call compiles a format into an entry per item (`'0s' * 25_000_000` is 860 MB), unpacks into a
tuple of items (`'90000000B'`: 90 million slots) and packs a result of `calcsize` bytes
(`'1000000000x'`: a gigabyte): each entry point weighs the format before CPython sees it. Formats are
compiled per run (CPython's module functions share a process-wide cache of compiled formats, which a
run could fill for the runs after it); `iter_unpack` ticks the meter per record.
"""

from __future__ import annotations

import re
import struct as _struct
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind, current, reserve, ticked

_CODES = 'xcbB?hHiIlLqQnNefdspP'
_COUNTED = re.compile(r'(\d+)\s*[cbB?hHiIlLqQnNefdP]')  # a repeat count of a code that repeats its item
_ENTRY_BYTES = 32  # one compiled format code (CPython's `formatcode`)
_ITEM_BYTES = 40  # one unpacked item: its tuple slot and a small object


def _weigh(ctx: RunContext, format: Any, what: str) -> None:
    """Reserve what compiling `format` and unpacking one record of it builds: an entry and an item per
    code, and per repetition of a counted code (`'4i'` is four; `'4s'` and `'4x'` are one). Counted
    in C (`str.count`, `findall`), the codes first, so a huge format is refused before it is scanned."""
    text = format.decode('latin-1') if isinstance(format, (bytes, bytearray)) else format
    if not isinstance(text, str) or len(text) < 8:
        return  # (short formats are small; a wrong type is CPython's TypeError)
    per_code = _ENTRY_BYTES + _ITEM_BYTES
    codes = sum(map(text.count, _CODES))
    reserve(ctx, codes * per_code, what)
    repeats = sum(min(int(count[:12]), 10**12) for count in _COUNTED.findall(text))
    reserve(ctx, (codes + repeats) * per_code, what)


class Struct(_struct.Struct):
    """Struct(fmt) --> compiled struct object (CPython's; the format and `pack` weighed first)."""

    __slots__ = ()

    def __init__(self, format: Any) -> None:
        _weigh(current(), format, 'struct.Struct()')
        super().__init__(format)

    def pack(self, *values: Any) -> bytes:
        reserve(current(), self.size, 'struct.pack() result')
        return super().pack(*values)

    def iter_unpack(self, buffer: Any, /) -> Any:
        return ticked(current(), super().iter_unpack(buffer))


Struct.__module__ = '_struct'
Struct.__qualname__ = Struct.__name__ = 'Struct'
allow(Struct, {'format', 'size', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack'})
allow(_struct.error, {'args', 'add_note'})


def _struct_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    compiled: dict[Any, Any] = {}  # this run's compiled formats (CPython's cache is process-wide)

    def of(format: Any) -> Any:
        key = (type(format), format) if isinstance(format, (str, bytes)) else None
        found = compiled.get(key) if key is not None else None
        if found is None:
            _weigh(ctx, format, 'struct format')
            found = _struct.Struct(format)
            if key is not None:
                if len(compiled) >= 100:
                    compiled.clear()
                compiled[key] = found
        return found

    def pack(format: Any, /, *values: Any) -> bytes:
        s = of(format)
        reserve(ctx, s.size, 'struct.pack() result')
        return s.pack(*values)

    def pack_into(format: Any, buffer: Any, offset: Any, /, *values: Any) -> None:
        of(format).pack_into(buffer, offset, *values)

    def unpack(format: Any, buffer: Any, /) -> tuple[Any, ...]:
        return of(format).unpack(buffer)

    def unpack_from(format: Any, /, buffer: Any, offset: Any = 0) -> tuple[Any, ...]:
        return of(format).unpack_from(buffer, offset)

    def iter_unpack(format: Any, buffer: Any, /) -> Any:
        return ticked(ctx, of(format).iter_unpack(buffer))

    def calcsize(format: Any, /) -> int:
        return of(format).size

    exports: dict[str, Any] = {
        'pack': pack,
        'pack_into': pack_into,
        'unpack': unpack,
        'unpack_from': unpack_from,
        'iter_unpack': iter_unpack,
        'calcsize': calcsize,
    }
    for name, fn in exports.items():
        fn.__doc__ = getattr(_struct, name).__doc__
        fn.__module__ = 'struct'
    return {**exports, 'Struct': Struct, 'error': _struct.error}
