# global in functions: creating, rebinding and reading module names.
def create():
    global created
    created = "made inside"


def counter():
    global count
    count = count + 1


count = 0
create()
counter()
counter()
print(created, count)


def read_only():
    return count * 10


def shadows():
    count = "local"
    return count


print(read_only(), shadows(), count)
