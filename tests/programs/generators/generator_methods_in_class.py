# Generator methods on classes, tree traversal with recursive yield from.
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.walk(depth + 1)

    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()

    def __iter__(self):
        return (v for _, v in self.walk())


tree = Node("root", [Node("a", [Node("a1"), Node("a2")]), Node("b"), Node("c", [Node("c1", [Node("c11")])])])
for depth, value in tree.walk():
    print("  " * depth + value)
print(list(tree.leaves()), list(tree), len(list(tree)))
print(max(tree.walk())[1], sum(1 for _ in tree))
