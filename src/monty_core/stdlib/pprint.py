"""`pprint` in the sandbox: CPython's printer, printing to the sandbox's `sys.stdout` (or any object with
`write`, called through the attribute guard); the indent is at most 4096. Left out: `PrettyPrinter`
subclassing.
"""

from __future__ import annotations

import pprint as _pp
from typing import Any, cast

from ..runtime.guards import guarded_getattr
from ..runtime.identities import NATIVE_TEXT, address
from ..runtime.modules import RunContext
from ..runtime.rendering import stable_repr
from ._support import MAX_INDENT, InitOnly, Sealed, allow, bind, build, current, ready, tick


class _Stream(Sealed):
    __slots__ = ('_target',)
    _target: Any

    def write(self, text: str) -> Any:
        return guarded_getattr(self._target, 'write')(text)


def _stream(stream: Any) -> _Stream:
    return build(_Stream, _target=current().stdout if stream is None else stream)


class PrettyPrinter(InitOnly, _pp.PrettyPrinter):
    """Pretty-printer (CPython's); prints to the sandbox's `sys.stdout` by default."""

    # CPython's printer records these two flags on itself while formatting (`depth=`, recursion).
    _settable = frozenset({'_readable', '_recursive'})

    def __init__(
        self,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        stream: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> None:
        if isinstance(indent, int) and indent > MAX_INDENT:
            raise ValueError(f'indent is limited to {MAX_INDENT} in the sandbox')
        super().__init__(
            indent,
            width,
            depth,
            cast(Any, _stream(stream)),
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        )
        ready(self)

    def format(
        self, object: Any, context: dict[int, int], maxlevels: int, level: int
    ) -> tuple[str, bool, bool]:
        # CPython's pretty-printer walks containers in Python and calls `format` once per element:
        # ticking here puts that walk under the run's time and memory checks.
        tick(current())
        if id(object) in context:
            return _recursion(object), False, True
        t = type(object)
        if t in _PPRINT_OWN or t in NATIVE_TEXT:
            return super().format(object, context, maxlevels, level)
        # CPython's `repr()` of anything else: the stable one (no address, sets in canonical order).
        text = stable_repr(object)
        return text, bool(text) and not text.startswith('<'), False

    def _format(
        self, object: Any, stream: Any, indent: int, allowance: int, context: Any, level: int
    ) -> None:
        if id(object) in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        super()._format(object, stream, indent, allowance, context, level)  # type: ignore[misc]


_PPRINT_OWN = frozenset({dict, list, tuple})  # the containers CPython's printer walks itself


def _recursion(obj: Any) -> str:
    """CPython's marker for a container met inside itself, with the run's fake address for its id."""
    return f'<Recursion on {type(obj).__name__} with id={int(address(obj), 16)}>'


PrettyPrinter.__module__ = 'pprint'
allow(PrettyPrinter, {'pprint', 'pformat', 'isreadable', 'isrecursive', 'format'})


def _pprint_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)

    def pprint(
        obj: Any,
        stream: Any = None,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> None:
        PrettyPrinter(
            indent,
            width,
            depth,
            stream,
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        ).pprint(obj)

    def pp(obj: Any, *args: Any, sort_dicts: bool = False, **kwargs: Any) -> None:
        pprint(obj, *args, sort_dicts=sort_dicts, **kwargs)

    def pformat(
        obj: Any,
        indent: int = 1,
        width: int = 80,
        depth: Any = None,
        *,
        compact: bool = False,
        sort_dicts: bool = True,
        underscore_numbers: bool = False,
    ) -> str:
        return PrettyPrinter(
            indent,
            width,
            depth,
            compact=compact,
            sort_dicts=sort_dicts,
            underscore_numbers=underscore_numbers,
        ).pformat(obj)

    # CPython's module functions run its own printer: unmetered, with real ids in recursion marks.
    def safe(object: Any) -> tuple[str, bool, bool]:
        no_depth_limit: Any = None  # what CPython passes (its stub says int)
        return PrettyPrinter()._safe_repr(object, {}, no_depth_limit, 0)

    def saferepr(object: Any) -> str:
        return safe(object)[0]

    def isreadable(object: Any) -> bool:
        return safe(object)[1]

    def isrecursive(object: Any) -> bool:
        return safe(object)[2]

    return {
        'pprint': pprint,
        'pp': pp,
        'pformat': pformat,
        'PrettyPrinter': PrettyPrinter,
        'isreadable': isreadable,
        'isrecursive': isrecursive,
        'saferepr': saferepr,
    }
