"""The module docstring."""
print("executing mod", __name__)
VALUE = 10
def double(x):
    return x * 2
