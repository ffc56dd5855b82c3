# A name can be global in one function and local in another; nested functions see enclosing locals first.
x = "global x"


def set_global():
    global x
    x = "set by function"


def local_x():
    x = "local x"

    def inner():
        return x

    return inner()


def reads_global_x():
    def inner():
        return x
    return inner()


print(local_x(), reads_global_x())
set_global()
print(x, reads_global_x(), local_x())


def declares_later():
    x = 1
    global y
    y = x + 1
    return y


print(declares_later(), y)
