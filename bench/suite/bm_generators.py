# Generators: a balanced binary tree walked in order by recursive generators delegating with
# `yield from`, pipelines of generator expressions, and generators driven by send().
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

class Node:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(build(lo, mid), mid, build(mid + 1, hi))

def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)

def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

tree = build(0, 300 if QUICK else 20000)
checks = []
for _ in range(1 if QUICK else 20):
    checks.append(sum(inorder(tree)))
evens = sum(x * x for x in (v for v in inorder(tree) if v % 2 == 0))
avg = averager()
next(avg)
last = None
for i in range(2000 if QUICK else 200000):
    last = avg.send(i % 97)
print(checks[0], len(checks), evens, "%.6f" % last)
