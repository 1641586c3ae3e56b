"""`__future__` in the sandbox: the feature records, read-only copies of CPython's. `from __future__
import annotations` needs nothing more: annotations are never evaluated in the sandbox."""

from __future__ import annotations
import __future__ as _future

from typing import Any

from ..runtime.modules import RunContext
from ._support import Sealed, allow, build


class _Feature(Sealed):
    """A `__future__` feature: when it became optional, when mandatory, and its compiler flag."""

    __slots__ = ('compiler_flag', 'mandatory', 'optional')

    def getOptionalRelease(self) -> Any:
        """Return first release in which this feature was recognized."""
        return self.optional

    def getMandatoryRelease(self) -> Any:
        """Return release in which this feature will become mandatory."""
        return self.mandatory

    def __repr__(self) -> str:
        return f'_Feature({self.optional!r}, {self.mandatory!r}, {self.compiler_flag!r})'


_Feature.__module__ = '__future__'
allow(_Feature, {'compiler_flag', 'mandatory', 'optional', 'getOptionalRelease', 'getMandatoryRelease'})


def _future_factory(ctx: RunContext) -> dict[str, Any]:
    exports: dict[str, Any] = {'all_feature_names': list(_future.all_feature_names)}
    for name in _future.all_feature_names:
        feature = getattr(_future, name)
        exports[name] = build(
            _Feature,
            optional=feature.optional,
            mandatory=feature.mandatory,
            compiler_flag=feature.compiler_flag,
        )
    return exports
