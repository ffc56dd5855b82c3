# An exception in __del__ is reported on stderr ("Exception ignored in") and execution goes on.
class Bad:
    def __del__(self):
        print("bad __del__ running")
        raise ValueError("from __del__")

b = Bad()
del b
print("still running")
x = Bad()
x = 1
print("and still", x)
