"""`csv` in the sandbox: `reader`, `writer`, `DictReader`, `DictWriter` are CPython's, over any iterable
of lines / object with `write` (called through the attribute guard). Left out: `register_dialect` and the
other process-global dialect registry functions, `field_size_limit(new)` (reading it works), `csv.Sniffer`
(backtracking regular expressions over the data).
"""

from __future__ import annotations

import csv as _csv
from typing import Any

from ..runtime.guards import WRAPPERS, guarded_getattr
from ..runtime.modules import RunContext
from ..runtime.plain_reads import reset_plain_cache
from ._support import Sealed, allow, bind, build, current, metered


class _Writer(Sealed):
    """What the C csv writer writes to: the target's `write`, read through the attribute guard."""

    __slots__ = ('_target',)
    _target: Any

    def write(self, text: Any) -> Any:
        return guarded_getattr(self._target, 'write')(text)


def _target(f: Any) -> _Writer:
    return build(_Writer, _target=f)


_READER = type(_csv.reader([]))
_WRITER = type(_csv.writer(_target(None)))
allow(_READER, {'dialect', 'line_num'})
allow(_WRITER, {'dialect', 'writerow', 'writerows'})
allow(
    _csv.Dialect,
    {
        'delimiter',
        'quotechar',
        'escapechar',
        'doublequote',
        'skipinitialspace',
        'lineterminator',
        'quoting',
        'strict',
    },
)
allow(
    type(_csv.reader([]).dialect),
    {
        'delimiter',
        'quotechar',
        'escapechar',
        'doublequote',
        'skipinitialspace',
        'lineterminator',
        'quoting',
        'strict',
    },
)
allow(_csv.Error, {'args', 'add_note'})


def _writerows(w: Any) -> Any:
    def writerows(rows: Any) -> None:
        w.writerows(metered(current(), rows))

    return writerows


WRAPPERS[(_WRITER, 'writerows')] = _writerows
reset_plain_cache()


class DictReader(_csv.DictReader):  # type: ignore[type-arg]
    """Reads rows as dicts keyed by the header (CPython's)."""

    def __init__(self, f: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(metered(current(), f), *args, **kwargs)


class DictWriter(_csv.DictWriter):  # type: ignore[type-arg]
    """Writes dicts as rows (CPython's)."""

    def __init__(self, f: Any, fieldnames: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(_target(f), list(metered(current(), fieldnames)), *args, **kwargs)

    def writerows(self, rowdicts: Any) -> None:
        for row in metered(current(), rowdicts):
            self.writerow(row)


for _cls in (DictReader, DictWriter):
    _cls.__module__ = 'csv'
allow(DictReader, {'fieldnames', 'restkey', 'restval', 'line_num', 'dialect', 'reader'})
allow(DictWriter, {'fieldnames', 'restval', 'extrasaction', 'writeheader', 'writerow', 'writerows', 'writer'})


def _csv_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def reader(csvfile: Any, dialect: Any = 'excel', **fmtparams: Any) -> Any:
        return _csv.reader(metered(ctx, csvfile), dialect, **fmtparams)

    def writer(csvfile: Any, dialect: Any = 'excel', **fmtparams: Any) -> Any:
        return _csv.writer(_target(csvfile), dialect, **fmtparams)

    def field_size_limit() -> int:
        return _csv.field_size_limit()

    exports: dict[str, Any] = {n: getattr(_csv, n) for n in dir(_csv) if n.startswith('QUOTE_')}
    exports.update(
        reader=reader,
        writer=writer,
        DictReader=DictReader,
        DictWriter=DictWriter,
        Error=_csv.Error,
        Dialect=_csv.Dialect,
        excel=_csv.excel,
        excel_tab=_csv.excel_tab,
        unix_dialect=_csv.unix_dialect,
        field_size_limit=field_size_limit,
        list_dialects=_csv.list_dialects,
    )
    return exports
