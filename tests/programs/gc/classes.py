# Classes made in a function and dropped are collected with their methods.
import gc
gc.collect()

def make_class(n):
    class Local:
        value = n
        def get(self):
            return super().__repr__ and self.value
    return Local

for i in range(3):
    K = make_class(i)
    print(K().get())
del K
print("classes found:", gc.collect() > 0)
