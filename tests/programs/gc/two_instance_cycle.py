# Two instances referring to each other are found by gc.collect(), and only once.
import gc

class Node:
    def __init__(self, name):
        self.name = name

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("first collect:", gc.collect())
print("second collect:", gc.collect())

# Reachable cycles are not garbage.
c = Node("c")
c.me = c
print("reachable:", gc.collect(), c.me.name)
del c
print("after del:", gc.collect())
