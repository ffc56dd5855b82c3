# An exception stored in the object it refers to forms a cycle the collector finds.
import gc
gc.collect()

class Worker:
    def run(self):
        e = ValueError("bad")
        self.error = e
        e.worker = self

w = Worker()
w.run()
print(type(w.error).__name__, w.error, w.error.worker is w)
del w
print("found:", gc.collect() >= 1)
