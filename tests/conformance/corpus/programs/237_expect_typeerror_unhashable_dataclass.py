# expect: TypeError
# A mutable dataclass used as a set member: eq=True without frozen makes it unhashable.
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tag:
    name: str


@dataclass
class Doc:
    title: str
    tags: list = field(default_factory=list)


seen = {Tag('a'), Tag('b'), Tag('a')}
print(sorted(t.name for t in seen))
docs = [Doc('x', [Tag('a')]), Doc('y')]
print(docs[0] == Doc('x', [Tag('a')]), docs[1])
unique = set(docs)
