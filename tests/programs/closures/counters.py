# Independent closures over separate cells; nonlocal rebinding.
def counter():
    n = 0

    def step(by=1):
        nonlocal n
        n += by
        return n

    def reset():
        nonlocal n
        n = 0

    return step, reset


a_step, a_reset = counter()
b_step, _ = counter()
print(a_step(), a_step(), a_step(10), b_step())
a_reset()
print(a_step(), b_step())
