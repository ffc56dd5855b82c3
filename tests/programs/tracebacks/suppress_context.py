# __context__, __cause__, __suppress_context__ and raise ... from None.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("v")
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("v") from None
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("v") from z
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)

e = ValueError()
e.__cause__ = KeyError()
print(e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__context__ = TypeError("ctx")
print(repr(e.__context__))
for bad in (1, "x"):
    try:
        e.__cause__ = bad
    except TypeError as t:
        print("TypeError", t)
    try:
        e.__context__ = bad
    except TypeError as t:
        print("TypeError", t)
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError", t)
