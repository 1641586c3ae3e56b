# expect: IndexError
# A custom sequence with __getitem__ and __len__: iteration stops at IndexError, reversed() and
# negative indexes work, and a direct out-of-range read raises the class's own message.
class Page:
    def __init__(self, items, size):
        self.items, self.size = items, size

    def __len__(self):
        return (len(self.items) + self.size - 1) // self.size

    def __getitem__(self, i):
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f'page {i} out of range (0..{len(self) - 1})')
        return self.items[i * self.size : (i + 1) * self.size]


pages = Page(list(range(7)), 3)
print(len(pages), list(pages), list(reversed(pages)), pages[-1], 5 in pages)
print([p for p in pages if len(p) == 3])
pages[3]
