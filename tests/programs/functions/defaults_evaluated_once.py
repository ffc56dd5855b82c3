# Default values are evaluated once, at definition time.
calls = []


def stamp(tag):
    calls.append(tag)
    return tag


def remember(item, seen=[]):
    seen.append(item)
    return seen


def labelled(x, label=stamp("default")):
    return f"{label}:{x}"


print(remember(1))
print(remember(2))
print(remember(3, []))
print(remember(4))
print(labelled(1), labelled(2, "given"), calls)
print(remember.__defaults__ if hasattr(remember, "__defaults__") else "no defaults attr")
