from dataclasses import dataclass, field

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

    def add(self, *vals):
        for v in vals:
            self.children.append(Node(v))
        return self

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def depth(self):
        return 1 + max((c.depth() for c in self.children), default=0)

root = Node(1).add(2, 3)
root.children[0].add(4).children[0].add(5)
print(root)
print(root.total(), root.depth())
print(root == Node(1, [Node(2, [Node(4, [Node(5)])]), Node(3)]))

def walk(n, level=0):
    yield '  ' * level + str(n.value)
    for c in n.children:
        yield from walk(c, level + 1)

print('\n'.join(walk(root)))

@dataclass
class Stack:
    items: list = field(default_factory=list)

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

s1, s2 = Stack(), Stack()
s1.push(1)
print(s1, s2, s1 == s2)
root.total()
