# assert with and without messages; the message expression is evaluated only on failure.
def check(x):
    assert x > 0, f"expected positive, got {x}"
    return x


def side_effect():
    print("message evaluated")
    return "msg"


print(check(5))
assert True, side_effect()
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], side_effect()
except AssertionError as e:
    print("AssertionError:", e)
assert 1 == 2
