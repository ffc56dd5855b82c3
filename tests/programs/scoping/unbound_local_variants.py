# Assignment anywhere in a function makes the name local everywhere in it.
total = 10


def uses_before_assign():
    try:
        print(total)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    total = 5
    return total


def conditional(flag):
    if flag:
        value = 1
    return value


def augmented():
    total += 1


print(uses_before_assign())
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
augmented()
