"""monty_core: run Python written by an LLM inside the host process, safely and fast.

```python
import monty_core

m = monty_core.Monty('x + 1', inputs=['x'])
assert m.run(inputs={'x': 41}) == 42
```

See the README and docs/ for the sandbox's rules, limits, pausing, snapshots and type checking.
"""

from __future__ import annotations

from . import stdlib as _stdlib  # registers the sandbox modules
from .api import HostHooks, Monty, run_monty_async
from .errors import (
    Frame,
    MontyConversionError,
    MontyError,
    MontyRuntimeError,
    MontySnapshotError,
    MontySyntaxError,
)
from .limits import DEFAULT_LIMITS, ResourceLimits
from .progress import MontyComplete, MontyFutureSnapshot, MontySnapshot
from .repl import MontyRepl
from .typecheck import Diagnostic, MontyTypingError, type_check

del _stdlib

__version__ = '0.1.0'

__all__ = [
    'DEFAULT_LIMITS',
    'Diagnostic',
    'Frame',
    'HostHooks',
    'Monty',
    'MontyComplete',
    'MontyConversionError',
    'MontyError',
    'MontyFutureSnapshot',
    'MontyRepl',
    'MontyRuntimeError',
    'MontySnapshot',
    'MontySnapshotError',
    'MontySyntaxError',
    'MontyTypingError',
    'ResourceLimits',
    '__version__',
    'run_monty_async',
    'type_check',
]
