"""`string` in the sandbox: CPython's constants, `capwords` and `Template` (substitutions size-checked).
Left out: `string.Formatter` (its field lookup would bypass the attribute guard).
"""

from __future__ import annotations

import string as _string
from collections.abc import Mapping
from typing import Any

from ..runtime.modules import RunContext
from ..runtime.rendering import stable_str
from ._support import InitOnly, allow, bind, current, ready, reserve


class Template(InitOnly, _string.Template):
    """A string class for supporting $-substitutions (CPython's, size-checked)."""

    def __init__(self, template: Any) -> None:
        super().__init__(template)
        ready(self)

    def _check(self, mapping: Any, kws: dict[str, Any]) -> None:
        slots = self.template.count('$') if isinstance(self.template, str) else 0
        if not slots:
            return
        values: list[Any] = list(kws.values())
        if isinstance(mapping, dict):
            values.extend(mapping.values())
        longest = max((len(v) if isinstance(v, str) else 64 for v in values), default=64)
        reserve(current(), (len(self.template) + slots * longest) * 4, 'Template substitution')

    def substitute(self, mapping: Any = None, /, **kws: Any) -> str:
        self._check(mapping, kws)
        return super().substitute(_StableValues(mapping, kws))

    def safe_substitute(self, mapping: Any = None, /, **kws: Any) -> str:
        self._check(mapping, kws)
        return super().safe_substitute(_StableValues(mapping, kws))


class _StableValues(Mapping[str, str]):
    """The values a `Template` substitutes, rendered as the sandbox's `str()` renders them (CPython's
    `str()` of a function shows its address)."""

    __slots__ = ('_kws', '_mapping')

    def __init__(self, mapping: Any, kws: dict[str, Any]) -> None:
        self._mapping = mapping
        self._kws = kws

    def __getitem__(self, key: str) -> str:
        if key in self._kws or self._mapping is None:
            return stable_str(self._kws[key])
        return stable_str(self._mapping[key])

    def __iter__(self) -> Any:
        return iter(self._kws)

    def __len__(self) -> int:
        return len(self._kws)


Template.__module__ = 'string'
allow(
    Template,
    {
        'template',
        'substitute',
        'safe_substitute',
        'get_identifiers',
        'is_valid',
        'delimiter',
        'idpattern',
        'braceidpattern',
        'flags',
    },
)


def _string_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    names = (
        'ascii_letters',
        'ascii_lowercase',
        'ascii_uppercase',
        'digits',
        'hexdigits',
        'octdigits',
        'punctuation',
        'printable',
        'whitespace',
        'capwords',
    )
    exports: dict[str, Any] = {n: getattr(_string, n) for n in names}
    exports['Template'] = Template
    return exports
