# A finalizer can resurrect its object; it is not finalized a second time.
import gc
saved = []

class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("__del__", self.n)
        saved.append(self)

p = Phoenix(1)
del p
print(len(saved), saved[0].n)
saved.clear()
print("cleared, no second __del__")

q = Phoenix(2)
q.me = q
del q
gc.collect()
print(len(saved), saved[0].n)
saved[0].me = None
saved.clear()
gc.collect()
print("end")
