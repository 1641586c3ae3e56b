from __future__ import annotations

import gc
import __future__


# Programs copied from scripts often call gc or carry future imports: both are harmless.
class Node:
    def __init__(self, value: int, next: Node | None = None) -> None:
        self.value = value
        self.next = next


head = Node(1, Node(2, Node(3)))
del head
print(gc.collect() >= 0, gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(__future__.annotations.getMandatoryRelease() is None or True, hasattr(__future__, 'division'))
total = 0
n = Node(5, Node(6))
while n:
    total += n.value
    n = n.next
total
