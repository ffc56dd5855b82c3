# Objects in garbage cycles are finalized by the collector (PEP 442), each once.
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name, "other:", self.other.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("before collect")
print("collected", gc.collect())
print("after collect", gc.collect())
