# Free variables passing through an intermediate scope that does not use them itself.
def level1(a):
    b = a * 2

    def level2(c):
        def level3(d):
            return a + b + c + d
        return level3

    return level2


print(level1(1)(10)(100))


def accumulator():
    total = 0

    def outer_add(x):
        def inner_add():
            nonlocal total
            total += x
            return total
        return inner_add()

    return outer_add


acc = accumulator()
print(acc(5), acc(7), acc(-2))
