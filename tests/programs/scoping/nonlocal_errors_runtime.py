# nonlocal shares one cell between sibling closures; deleting a global; NameError messages.
def pair():
    shared = []

    def add(x):
        nonlocal shared
        shared = shared + [x]

    def get():
        return shared

    return add, get


add, get = pair()
add(1)
add(2)
print(get())
temp = 5
del temp
try:
    print(temp)
except NameError as e:
    print("NameError:", e)
print(undefined_name_here)
