def show(a, b=0, *rest, key=None, **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"

args = [1, 2, 3]
opts = {"key": "k", "z": 26}
print(show(*args))
print(show(*args, **opts))
print(show(0, *[5, 6], 7, key=1, **{"q": 2}))
print(show(*"xy"), show(**{"a": 9}))
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *_ = [1]
print(head, _)
merged = {**{"a": 1, "b": 2}, "b": 3, **{"c": 4}}
print(merged, [*args, *"ab", 0], (*args, 4), [*range(3)])
print(max(*[3, 9, 2]), "-".join([*map(str, [1, 2])]) if False else "ok")
