"""`python -m monty_core` runs the `monty` command line."""

import sys

from .cli import main

sys.exit(main())
