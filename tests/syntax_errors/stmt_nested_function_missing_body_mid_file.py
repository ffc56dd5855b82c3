def outer():
    def inner():
    return 1

x = 1
