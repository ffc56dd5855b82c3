# A `return` inside an `except` handler, followed by code that keeps values on the stack
# (a `with` block's saved __exit__, a `for` loop's iterator) around nested try statements:
# the handlers below must restore the stack to the right depth.


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False


def scan(items, onerror):
    try:
        it = iter(items)
    except TypeError as error:
        if onerror is not None:
            onerror(error)
        return "not iterable"
    out = []
    with Manager("scan"):
        while True:
            try:
                try:
                    x = next(it)
                except StopIteration:
                    break
            except OSError as error:
                if onerror is not None:
                    onerror(error)
                return "oserror"
            out.append(x)
    return out


print(scan([1, 2, 3], None))
print(scan(5, print))


def gen(items):
    try:
        it = iter(items)
    except TypeError:
        return
    for x in it:
        try:
            try:
                if x == 2:
                    raise KeyError(x)
            except KeyError as e:
                yield ("caught", e.args[0])
                continue
        except ValueError:
            return
        with Manager(str(x)):
            yield x


print(list(gen([1, 2, 3])))


def loops():
    total = 0
    for i in range(3):
        try:
            if i == 5:
                raise ValueError
        except ValueError:
            return -1
        for j in range(2):
            try:
                try:
                    total += 10 // (j - 1 + i)
                except ZeroDivisionError:
                    continue
            except TypeError:
                return -2
            total += 1
    return total


print(loops())


def finally_return():
    try:
        return "try"
    finally:
        pass
    with Manager("dead"):
        pass


print(finally_return())
