# Automatic collection keeps cycles from piling up: after many cycles, an explicit collect
# finds fewer than were made.
import gc
gc.collect()

class Blob:
    def __init__(self, n):
        self.n = n
        self.me = self

for i in range(20000):
    Blob(i)
left = gc.collect()
print("most were collected automatically:", left < 20000)
print(gc.isenabled())
