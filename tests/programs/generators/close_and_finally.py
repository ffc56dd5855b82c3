# close() raises GeneratorExit inside the generator; finally blocks run.
def resource(name):
    print("open", name)
    try:
        for i in range(10):
            yield f"{name}{i}"
    finally:
        print("close", name)


r = resource("a")
print(next(r), next(r))
r.close()
r.close()
print(list(resource("b"))[-1])


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
