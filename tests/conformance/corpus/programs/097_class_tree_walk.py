class BST:
    def __init__(self):
        self.root = None

    def insert(self, key):
        def _ins(node, key):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = _ins(node[1], key)
            elif key > node[0]:
                node[2] = _ins(node[2], key)
            return node
        self.root = _ins(self.root, key)

    def inorder(self):
        def _walk(node):
            if node:
                yield from _walk(node[1])
                yield node[0]
                yield from _walk(node[2])
        return list(_walk(self.root))

    def height(self):
        def _h(node):
            return 0 if node is None else 1 + max(_h(node[1]), _h(node[2]))
        return _h(self.root)

    def contains(self, key):
        node = self.root
        while node:
            if key == node[0]:
                return True
            node = node[1] if key < node[0] else node[2]
        return False

t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65]:
    t.insert(k)
print(t.inorder())
print(t.height(), t.contains(65), t.contains(66))
fs = {'name': '/', 'children': [
    {'name': 'etc', 'children': [{'name': 'hosts', 'size': 120}]},
    {'name': 'var', 'children': [{'name': 'log', 'children': [{'name': 'a.log', 'size': 3000}, {'name': 'b.log', 'size': 45}]}]},
    {'name': 'readme', 'size': 7}]}

def total_size(node):
    return node.get('size', 0) + sum(total_size(c) for c in node.get('children', []))

def paths(node, prefix=''):
    path = prefix.rstrip('/') + '/' + node['name'] if prefix else node['name']
    yield path
    for c in node.get('children', []):
        yield from paths(c, path)

print(total_size(fs))
print(list(paths(fs)))
t.inorder()
