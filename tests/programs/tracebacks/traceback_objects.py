import sys
# __traceback__ as a chain of traceback objects, innermost last.
def a():
    b()

def b():
    raise ValueError("deep")

try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb.tb_lasti).__name__))
        tb = tb.tb_next
    print(names)
    print(type(e.__traceback__).__name__, sys.exc_info()[2] is e.__traceback__)
print(ValueError().__traceback__)
try:
    raise KeyError(1)
except KeyError as e:
    print(e.__traceback__.tb_next, e.__traceback__.tb_lineno)
