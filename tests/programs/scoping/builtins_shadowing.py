# Shadowing builtins locally and globally, then restoring them with del.
def local_len():
    len = lambda x: -1
    return len("abc")


print(local_len(), len("abc"))
len = lambda x: 42
print(len("abc"))
del len
print(len("abc"))


def uses_max(values):
    return max(values)


max = min
print(uses_max([1, 5, 3]))
del max
print(uses_max([1, 5, 3]))
