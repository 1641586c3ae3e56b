"""`io` (in-memory streams only) in the sandbox.

`io.StringIO` and `io.BytesIO` are CPython's; a write after seeking far past the end (which pads the
buffer) is size-checked, and `writelines` consumes its iterable under the meter. `BytesIO.getbuffer`
is left out (memoryviews are not available). There is no `open`, no file or socket streams.
"""

from __future__ import annotations

import io as _io
from typing import Any

from ..runtime.guards import WRAPPERS
from ..runtime.modules import RunContext
from ..runtime.plain_reads import reset_plain_cache
from ._support import allow, allow_public, bind, current, metered, reserve

_PAD_CHECK = 1 << 16


def _write(stream: Any) -> Any:
    target: Any = stream

    def write(data: Any) -> int:
        pos = stream.tell()
        if pos > _PAD_CHECK and isinstance(data, (str, bytes, bytearray)):
            reserve(current(), (pos + len(data)) * (4 if isinstance(stream, _io.StringIO) else 1), 'stream')
        return target.write(data)

    return write


def _writelines(stream: Any) -> Any:
    def writelines(lines: Any) -> None:
        write = _write(stream)
        for line in metered(current(), lines):
            write(line)

    return writelines


for _cls in (_io.StringIO, _io.BytesIO):
    allow_public(_cls, exclude={'getbuffer', 'detach', 'buffer', 'fileno'})
    WRAPPERS[(_cls, 'write')] = _write
    WRAPPERS[(_cls, 'writelines')] = _writelines
reset_plain_cache()
allow(_io.UnsupportedOperation, {'args', 'add_note', 'errno', 'strerror'})


def _io_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    return {
        'StringIO': _io.StringIO,
        'BytesIO': _io.BytesIO,
        'UnsupportedOperation': _io.UnsupportedOperation,
        'SEEK_SET': _io.SEEK_SET,
        'SEEK_CUR': _io.SEEK_CUR,
        'SEEK_END': _io.SEEK_END,
    }
