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
from .api import DEFAULT_LIMITS, Monty, MontyComplete, ResourceLimits
from .errors import Frame, MontyConversionError, MontyError, MontyRuntimeError, MontySyntaxError

del _stdlib

__version__ = '0.1.0'

__all__ = [
    'DEFAULT_LIMITS',
    'Frame',
    'Monty',
    'MontyComplete',
    'MontyConversionError',
    'MontyError',
    'MontyRuntimeError',
    'MontySyntaxError',
    'ResourceLimits',
    '__version__',
]
