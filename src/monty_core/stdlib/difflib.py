"""`difflib` in the sandbox: CPython's pure-Python implementation, loaded as a private copy whose
`SequenceMatcher` ticks the run's meter, so that its quadratic loops stop at the run's time limit:
every `set_seq1`/`set_seq2` ticks (`Differ`'s line-by-line pairing and `get_close_matches` set one per
candidate), and so does every step of `find_longest_match`'s inner loop (it iterates the index lists
of `b`, which are ticking lists). Left out: `HtmlDiff`, `diff_bytes`."""

from __future__ import annotations

import importlib.util
from itertools import compress
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind, current, reserve, ticked


def _private_difflib() -> Any:
    """A copy of CPython's `difflib` of our own (its module globals are ours to rebind)."""
    spec = importlib.util.find_spec('difflib')
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_difflib: Any = _private_difflib()


class _TickingList(list):  # type: ignore[type-arg]
    """An index list of `b2j`: iterating it ticks the meter per item."""

    __slots__ = ('_ticker',)

    def __init__(self, items: Any, ticker: Any) -> None:
        super().__init__(items)
        self._ticker = ticker

    def __iter__(self) -> Any:
        return compress(list.__iter__(self), self._ticker)


# The private module's own loops (`for i in range(alo, ahi)` in `find_longest_match`, `for i, elt in
# enumerate(b)` building `b2j`, ...) tick: `range` and `enumerate` in its globals are ticking ones.
def _ticking_range(*args: Any) -> Any:
    return compress(range(*args), current().meter.ticker)


def _ticking_enumerate(iterable: Any, start: int = 0) -> Any:
    return compress(enumerate(iterable, start), current().meter.ticker)


_difflib.range = _ticking_range
_difflib.enumerate = _ticking_enumerate

# What one element of a sequence costs: `b2j` holds an index per element of `b` (a list slot and an
# int, 64 bytes with the dict); `quick_ratio` and `real_quick_ratio` loop over `a` and `b` in host
# code, whose time is weighed as memory (16 bytes per element keeps a pass within about a second for
# what the memory limit admits).
_B_BYTES = 64
_A_BYTES = 16


class SequenceMatcher(_difflib.SequenceMatcher):
    """SequenceMatcher is a flexible class for comparing pairs of sequences of any type, so long as the
    sequence elements are hashable (CPython's, metered)."""

    def set_seq1(self, a: Any) -> None:
        next(current().meter.ticker)
        _reserve_sequence(a, _A_BYTES)
        super().set_seq1(a)

    def set_seq2(self, b: Any) -> None:
        next(current().meter.ticker)
        _reserve_sequence(b, _B_BYTES)
        super().set_seq2(b)

    def _SequenceMatcher__chain_b(self) -> None:
        super()._SequenceMatcher__chain_b()
        ticker = current().meter.ticker
        self.b2j = {
            elt: _TickingList(indices, ticker) for elt, indices in ticked(current(), iter(self.b2j.items()))
        }


def _reserve_sequence(seq: Any, per_element: int) -> None:
    if isinstance(seq, (str, bytes, list, tuple)):
        reserve(current(), len(seq) * per_element, 'difflib.SequenceMatcher')


SequenceMatcher.__module__ = 'difflib'
_difflib.SequenceMatcher = SequenceMatcher
allow(
    SequenceMatcher,
    {
        'a',
        'b',
        'autojunk',
        'isjunk',
        'set_seqs',
        'set_seq1',
        'set_seq2',
        'find_longest_match',
        'get_matching_blocks',
        'get_opcodes',
        'get_grouped_opcodes',
        'ratio',
        'quick_ratio',
        'real_quick_ratio',
    },
)
allow(_difflib.Match, {'a', 'b', 'size', 'count', 'index'})
allow(_difflib.Differ, {'compare', 'linejunk', 'charjunk'})
for _cls in (_difflib.Match, _difflib.Differ):
    _cls.__module__ = 'difflib'

_NAMES = (
    'get_close_matches',
    'ndiff',
    'restore',
    'unified_diff',
    'context_diff',
    'IS_LINE_JUNK',
    'IS_CHARACTER_JUNK',
    'Differ',
    'Match',
)


def _difflib_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    exports: dict[str, Any] = {name: getattr(_difflib, name) for name in _NAMES}
    exports['SequenceMatcher'] = SequenceMatcher
    return exports
