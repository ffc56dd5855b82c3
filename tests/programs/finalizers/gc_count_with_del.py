# Cycles with finalizers are collected, finalizers run before the objects are cleared.
import gc

class Holder:
    count = 0
    def __init__(self):
        self.items = [self]
    def __del__(self):
        Holder.count += 1

gc.collect()
for i in range(50):
    Holder()
gc.collect()
print(Holder.count)
print(gc.garbage)
