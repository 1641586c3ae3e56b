"""Old location of identities.py, hashing.py and rendering.py, kept only for the imports in stdlib/
(being renamed on another branch). Remove once stdlib imports these names from their modules."""

from __future__ import annotations

from .hashing import HASHERS, sandbox_hash, tuple_hash
from .identities import NATIVE_TEXT, address, current_identities, default_repr
from .rendering import stable_repr, stable_str

__all__ = [
    'HASHERS',
    'NATIVE_TEXT',
    'address',
    'current_identities',
    'default_repr',
    'sandbox_hash',
    'stable_repr',
    'stable_str',
    'tuple_hash',
]
