"""`struct` in the sandbox: CPython's C packing and unpacking. What `pack` builds is weighed first
(`struct.pack('1000000000x')` is a gigabyte in one C call); `iter_unpack` ticks the meter per record."""

from __future__ import annotations

import struct as _struct
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind, current, reserve, ticked


class Struct(_struct.Struct):
    """Struct(fmt) --> compiled struct object (CPython's; `pack` weighed first)."""

    __slots__ = ()

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

    def pack(format: Any, /, *values: Any) -> bytes:
        reserve(ctx, _struct.calcsize(format), 'struct.pack() result')
        return _struct.pack(format, *values)

    def iter_unpack(format: Any, buffer: Any, /) -> Any:
        return ticked(ctx, _struct.iter_unpack(format, buffer))

    pack.__doc__ = _struct.pack.__doc__
    iter_unpack.__doc__ = _struct.iter_unpack.__doc__
    pack.__module__ = iter_unpack.__module__ = 'struct'
    return {
        'pack': pack,
        'pack_into': _struct.pack_into,
        'unpack': _struct.unpack,
        'unpack_from': _struct.unpack_from,
        'iter_unpack': iter_unpack,
        'calcsize': _struct.calcsize,
        'Struct': Struct,
        'error': _struct.error,
    }
