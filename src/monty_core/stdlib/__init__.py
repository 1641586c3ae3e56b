"""The sandbox's standard library: one file per sandbox module, named after it, and the registry below.

Each module exposes an allow-listed surface, implemented over CPython's own implementation where that
is safe, with no path to host internals. See docs/stdlib.md for what each module offers and leaves out.

A module file defines the module's factory (`factory(ctx) -> exports`, run once per run that imports the
module: per-run state and per-run classes are made there) and, at import, registers the host types its
exports hand out with the attribute allow-list. Helpers shared by several modules live in the private
files: `_support.py` (metering, size budgets, host hooks, allow-list registration), `_sealed_numbers.py`
(the `Decimal`/`Context`/`Fraction` classes `decimal` and `fractions` share), `_asyncio_sync.py`
(`asyncio`'s coordination tools).
"""

from __future__ import annotations

from typing import Any

from ..runtime.modules import ModuleFactory, RunContext, register_module
from . import (
    abc,
    asyncio,
    base64,
    binascii,
    bisect,
    cmath,
    collections,
    collections_abc,
    contextlib,
    copy,
    csv,
    dataclasses,
    datetime,
    decimal,
    difflib,
    enum,
    fnmatch,
    fractions,
    functools,
    future,
    gc,
    graphlib,
    hashlib,
    heapq,
    hmac,
    html,
    io,
    itertools,
    json,
    keyword,
    math,
    numbers,
    operator,
    pprint,
    random,
    re,
    secrets,
    shlex,
    statistics,
    string,
    struct,
    sys,
    textwrap,
    time,
    types,
    typing,
    unicodedata,
    urllib_parse,
    uuid,
    zoneinfo,
)


def _no_exports(ctx: RunContext) -> dict[str, Any]:
    """A package with nothing of its own (`urllib`: only its submodule `urllib.parse`)."""
    return {}


# Every module sandbox code can import: name -> (its factory, from the file named after it; what it
# offers). The factories keep the names their files gave them (the qualified names of the functions they
# make, which sandbox code can read, carry them).
MODULES: dict[str, tuple[ModuleFactory, str]] = {
    '__future__': (future._future_factory, 'the feature records (annotations are never evaluated anyway)'),
    'abc': (abc._abc_factory, '`ABC` (abstract methods enforced) and `abstractmethod` & co'),
    'asyncio': (asyncio._factory, "tasks, `gather`, timeouts, locks and queues on the run's loop"),
    'base64': (base64._base64_factory, "CPython's codecs, long inputs coded in slices under the meter"),
    'binascii': (binascii._binascii_factory, "CPython's functions"),
    'bisect': (bisect._bisect_factory, "CPython's C functions"),
    'cmath': (cmath._cmath_factory, "CPython's functions"),
    'collections': (collections._factory, '`Counter`, `defaultdict`, `deque`, `namedtuple`, ...'),
    'collections.abc': (collections_abc._abc_factory, "CPython's ABCs, for `isinstance`/`issubclass`"),
    'contextlib': (contextlib._contextlib_factory, '`contextmanager`, `suppress`, `ExitStack`, ...'),
    'copy': (copy._copy_factory, '`copy`/`deepcopy` over an explicit set of types'),
    'csv': (csv._csv_factory, '`reader`, `writer`, `DictReader`, `DictWriter` (writes through the guard)'),
    'dataclasses': (dataclasses._factory, '`dataclass`, `field`, `fields`, `asdict`, `replace`, ...'),
    'datetime': (datetime._datetime_factory, "CPython's types; the clock only through the `now` hook"),
    'decimal': (decimal._decimal_factory, 'sealed `Decimal`/`Context`, bounded; per-run contexts'),
    'difflib': (difflib._difflib_factory, "CPython's, on a `SequenceMatcher` that ticks the meter"),
    'enum': (enum._enum_factory, '`Enum`, `IntEnum`, `StrEnum`, `Flag`, `auto`, ... (per-run classes)'),
    'fnmatch': (fnmatch._fnmatch_factory, "CPython's matching, a per-run pattern cache"),
    'fractions': (fractions._fractions_factory, 'sealed `Fraction`, its big powers size-checked'),
    'functools': (functools._factory, '`reduce`, `partial`, `lru_cache`, `wraps`, `total_ordering`, ...'),
    'gc': (gc._gc_factory, '`collect`, `enable`, `disable`, `isenabled`: no-ops'),
    'graphlib': (graphlib._graphlib_factory, "CPython's `TopologicalSorter`, metered"),
    'hashlib': (hashlib._hashlib_factory, "CPython's hashes; `pbkdf2_hmac` and `shake_*` bounded"),
    'heapq': (heapq._heapq_factory, "CPython's heap functions; `nlargest`/`nsmallest`/`merge` metered"),
    'hmac': (hmac._hmac_factory, "CPython's, `digestmod` a name or a `hashlib` constructor"),
    'html': (html._html_factory, '`escape`, `unescape` (results weighed)'),
    'io': (io._io_factory, '`StringIO`, `BytesIO` (in-memory streams only)'),
    'itertools': (itertools._itertools, "CPython's iterators, metered, plus `batched`"),
    'json': (json._factory, '`dumps`/`loads`/`dump`/`load`, subclassable encoder/decoder (per-run classes)'),
    'keyword': (keyword._keyword_factory, '`kwlist`, `softkwlist`, `iskeyword`, `issoftkeyword`'),
    'math': (math._math_factory, "CPython's functions, big integer results size-checked"),
    'numbers': (numbers._numbers_factory, "CPython's numeric ABCs, for `isinstance`/`issubclass`"),
    'operator': (operator._operator, "CPython's functions; getters through the attribute guard"),
    'pprint': (pprint._pprint_factory, "CPython's printer, onto the sandbox's `sys.stdout`"),
    'random': (random._random_factory, '`Random(seed)`; module functions after `seed()` or with the hook'),
    're': (re._factory, "CPython's API over `regex`, timed out with the run"),
    'secrets': (secrets._secrets_factory, 'tokens and choices from the `random_bytes` hook'),
    'shlex': (shlex._shlex_factory, '`split` (metered), `join`, `quote`'),
    'statistics': (statistics._statistics_factory, "CPython's functions over metered data"),
    'string': (string._string_factory, 'constants, `capwords`, `Template` (size-checked)'),
    'struct': (struct._struct_factory, "CPython's packing; `pack` results weighed first"),
    'sys': (sys._factory, "version facts, the run's print streams, `exit`; no `modules` or frames"),
    'textwrap': (textwrap._textwrap_factory, "CPython's functions and `TextWrapper`, size-checked"),
    'time': (time._time_factory, 'the clock through the `now`/`monotonic` hooks, a virtual `sleep`'),
    'types': (types._types_factory, '`SimpleNamespace` (per run), `MappingProxyType`, type names'),
    'typing': (typing._factory, 'annotations, `NamedTuple`, `TypedDict`, `Protocol`, ...'),
    'typing_extensions': (typing._factory, 'the same module as `typing`'),
    'unicodedata': (unicodedata._unicodedata_factory, "CPython's functions"),
    'urllib': (_no_exports, 'the package of `urllib.parse`'),
    'urllib.parse': (urllib_parse._urllib_parse_factory, "CPython's functions, long inputs sliced"),
    'uuid': (uuid._uuid_factory, '`UUID`, `uuid3`, `uuid5`, namespaces; `uuid4` from the hook'),
}
if zoneinfo.AVAILABLE:  # only when the host has time zone data
    MODULES['zoneinfo'] = (zoneinfo._zoneinfo_factory, '`ZoneInfo`, `available_timezones`')

for _name, (_factory, _what) in MODULES.items():
    register_module(_name, _factory)

__all__ = ['MODULES']
