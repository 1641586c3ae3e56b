"""`graphlib` in the sandbox: CPython's `TopologicalSorter` and `CycleError`. The sorter's state is
read-only to sandbox code (host code updates it); the graph a constructor receives is read under the
meter, and `static_order` ticks per node."""

from __future__ import annotations

import graphlib as _graphlib
from collections.abc import Iterator
from typing import Any

from ..runtime.modules import RunContext
from ._support import allow, bind, current, ticked


def _iterate(predecessors: Any) -> Any:
    try:
        return iter(predecessors)
    except TypeError:
        # CPython's `self.add(node, *predecessors)` says it this way.
        raise TypeError(f'Value after * must be an iterable, not {type(predecessors).__name__}') from None


class TopologicalSorter(_graphlib.TopologicalSorter):
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph: Any = None) -> None:
        super().__init__()
        if graph is not None:
            ctx = current()
            for node, predecessors in ticked(ctx, iter(graph.items())):
                self.add(node, *ticked(ctx, _iterate(predecessors)))

    def static_order(self) -> Iterator[Any]:
        """Returns an iterable of nodes in a topological order."""
        return ticked(current(), super().static_order())


TopologicalSorter.__module__ = 'graphlib'
allow(TopologicalSorter, {'add', 'prepare', 'get_ready', 'is_active', 'done', 'static_order'})
allow(_graphlib.CycleError, {'args', 'add_note'})


def _graphlib_factory(ctx: RunContext) -> dict[str, Any]:
    bind(ctx)
    return {'TopologicalSorter': TopologicalSorter, 'CycleError': _graphlib.CycleError}
