class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None
def depth(n):
    return 0 if n is None else 1 + depth(n.child)
print(depth(Node(50)))
class Loop:
    def __init__(self):
        Loop()
try:
    Loop()
except RecursionError as e:
    print("RecursionError", e)
