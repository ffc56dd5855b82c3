# Deleting variables that inner functions use: CPython's messages.
def deleted_free():
    x = 1
    def g():
        return x
    del x
    return g

try:
    deleted_free()()
except NameError as e:
    print(type(e).__name__, e)

def deleted_cell():
    z = 1
    def inner():
        return z
    del z
    try:
        print(z)
    except NameError as e:
        print(type(e).__name__, e)
    try:
        del z
    except NameError as e:
        print(type(e).__name__, e)
    z = 3
    return inner()

print(deleted_cell())

def before_assignment():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    late = 1
    return inner()

print(before_assignment())

def unbound_local():
    try:
        print(w)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    w = 2

unbound_local()
