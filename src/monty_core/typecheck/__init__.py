"""Type checking sandbox code with ty, before it runs.

```python
from monty_core.typecheck import check_or_raise, type_check

diagnostics = type_check(code, stubs=STUBS)  # every diagnostic, in the code's own coordinates
check_or_raise(code, stubs=STUBS, script_name='agent.py')  # MontyTypingError if any is an error
```

The stubs are Python declarations (`prompt: str`, `async def call_llm(...) -> str: ...`, type
aliases, TypedDicts) of what the host provides; their names are visible to the code without an
import. Top-level `await` is accepted, and importing a module the sandbox does not offer is
reported (`monty-unavailable-module`). Diagnostics with severity `'error'` fail the check;
`unused-awaitable` (an async host function called without `await`) is one. Warnings and infos are
returned but do not fail it. See docs/type-checking.md.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, DisplayFormat, Severity, render_diagnostics
from ..errors import MontyTypingError
from ._check import (
    UNAVAILABLE_MODULE_RULE,
    MontyStubsWarning,
    TypeChecker,
    build_stubs,
    check_or_raise,
    check_stubs,
    default_checker,
    type_check,
)
from ._cli import check_main
from ._source import SANDBOX_MODULES
from ._ty import TyUnavailableError, find_ty

__all__ = [
    'SANDBOX_MODULES',
    'UNAVAILABLE_MODULE_RULE',
    'Diagnostic',
    'DisplayFormat',
    'MontyStubsWarning',
    'MontyTypingError',
    'Severity',
    'TyUnavailableError',
    'TypeChecker',
    'build_stubs',
    'check_main',
    'check_or_raise',
    'check_stubs',
    'default_checker',
    'find_ty',
    'render_diagnostics',
    'type_check',
]
