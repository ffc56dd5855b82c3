# An uncaught NameError for a deleted free variable.
def make():
    value = "v"
    def use():
        return value.upper()
    del value
    return use

make()()
