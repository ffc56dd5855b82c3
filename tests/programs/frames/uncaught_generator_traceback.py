# Uncaught error inside a generator resumed by a for loop: frames in order.
def rows():
    for i in range(3):
        yield 10 // (2 - i)

def total():
    return sum(rows())

print(total())
